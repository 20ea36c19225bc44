-- One row per read model: the last event of the committed order (ADR 0006) it has applied.
-- It is written in the same transaction as the read model's rows, so a batch is applied
-- exactly once whatever crashes or retries happen.
create table projection_checkpoints (
  name text primary key,
  transaction_id xid8 not null default '0'::xid8,
  global_position bigint not null default 0,
  updated_at timestamptz not null default now()
);
