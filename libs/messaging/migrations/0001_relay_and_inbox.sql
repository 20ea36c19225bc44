-- The outbox relay's progress: the last event of the committed order (ADR 0006) that the broker
-- acknowledged. Moved only after the acknowledgement, so a crash in between republishes (ADR 0007).
create table relay_checkpoints (
  name text primary key,
  transaction_id xid8 not null default '0'::xid8,
  global_position bigint not null default 0,
  updated_at timestamptz not null default now()
);

-- Consumers' inbox: the event ids a consumer has already handled. The row is inserted in the same
-- transaction as the consumer's effect, so a redelivered event (at-least-once) is dropped, and a
-- failed effect leaves no row behind and is retried on the next delivery.
create table consumer_inbox (
  consumer text not null,
  event_id uuid not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
