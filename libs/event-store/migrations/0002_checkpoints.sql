-- Signed checkpoints (RFC 9162 style): each commits to every event up to a point of the committed
-- order through a Merkle tree whose leaves are the events' chain hashes, and to the previous
-- checkpoint. A copy is published outside the database (Kafka, compacted topic).
create table event_checkpoints (
  sequence bigint primary key check (sequence >= 1),
  tree_size bigint not null check (tree_size >= 0),
  last_transaction_id xid8,
  last_global_position bigint,
  root_hash bytea not null check (length(root_hash) = 32),
  prev_checkpoint_hash bytea not null check (length(prev_checkpoint_hash) = 32),
  created_at timestamptz not null,
  key_id text not null,
  signed_body text not null,
  signature bytea not null,
  checkpoint_hash bytea not null check (length(checkpoint_hash) = 32)
);

create trigger event_checkpoints_no_update_delete before update or delete on event_checkpoints
  for each row execute function events_refuse_change();
create trigger event_checkpoints_no_truncate before truncate on event_checkpoints
  for each statement execute function events_refuse_change();
