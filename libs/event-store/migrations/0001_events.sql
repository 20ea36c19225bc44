-- The event table is the audit record and the outbox (ADR 0006).
-- `record` holds the event exactly as hashed: RFC 8785 canonical JSON. jsonb reorders keys, so
-- the hash is never computed over jsonb text; `record_json` is derived from `record` (parsed once,
-- on insert) for queries and for verification, and can never disagree with it.
create table events (
  global_position bigint generated always as identity primary key,
  -- The writing transaction: readers take only transactions older than every running one, so an
  -- append that commits late is never skipped (Emmett's technique).
  transaction_id xid8 not null default pg_current_xact_id(),
  stream_id text not null check (length(stream_id) between 1 and 200),
  stream_version bigint not null check (stream_version >= 1),
  event_id uuid not null,
  type text not null,
  schema_version integer not null,
  recorded_at timestamptz not null,
  record text not null,
  record_json jsonb generated always as (record::jsonb) stored,
  prev_hash bytea not null check (length(prev_hash) = 32),
  hash bytea not null check (length(hash) = 32),
  -- Contiguous per-stream versions are guarded by this constraint, not by isolation level.
  constraint events_stream_version_unique unique (stream_id, stream_version),
  constraint events_event_id_unique unique (event_id)
);

create index events_committed_order on events (transaction_id, global_position);

-- Append-only, for everyone including the owner: UPDATE and DELETE per row, TRUNCATE per statement.
create function events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'events are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger events_no_update_delete before update or delete on events
  for each row execute function events_refuse_change();
create trigger events_no_truncate before truncate on events
  for each statement execute function events_refuse_change();

-- No NOTIFY trigger: a transaction that notifies takes a global lock at commit, which serialised
-- concurrent appends (measured: 4x slower at 16 writers). Appenders notify after commit instead,
-- coalesced (src/notify.ts); readers also poll.
