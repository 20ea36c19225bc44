-- What each signed checkpoint covered, leaf by leaf (ADR 0017): the event (stream, version, place
-- in the log) and the chain hash its tree took. Written by a trigger when a checkpoint is stored,
-- for the events since the previous one (incremental). Not trusted by itself: verification uses a
-- leaf only when the copy rebuilds the signed root. It lets verification name what changed in one
-- stream (a cut tail, a deleted or moved event, a rewritten suffix) and still prove every other
-- stream, instead of losing every proof to the first change in the log.
create table event_checkpoint_leaves (
  leaf_index bigint primary key check (leaf_index >= 0),
  transaction_id xid8 not null,
  global_position bigint not null,
  stream_id text not null,
  stream_version bigint not null,
  hash bytea not null check (length(hash) = 32)
);

create index event_checkpoint_leaves_stream on event_checkpoint_leaves (stream_id, stream_version);

create function event_checkpoint_record_leaves() returns trigger language plpgsql as $$
declare
  last_leaf event_checkpoint_leaves%rowtype;
begin
  if new.last_transaction_id is null then
    return null;
  end if;
  select * into last_leaf from event_checkpoint_leaves order by leaf_index desc limit 1;
  insert into event_checkpoint_leaves (leaf_index, transaction_id, global_position, stream_id, stream_version, hash)
  select coalesce(last_leaf.leaf_index + 1, 0) + row_number() over (order by e.transaction_id, e.global_position) - 1,
    e.transaction_id, e.global_position, e.stream_id, e.stream_version, e.hash
  from events e
  where (last_leaf.leaf_index is null
      or (e.transaction_id, e.global_position) > (last_leaf.transaction_id, last_leaf.global_position))
    and (e.transaction_id, e.global_position) <= (new.last_transaction_id, new.last_global_position);
  return null;
end $$ set search_path = public, pg_catalog;

create trigger event_checkpoints_record_leaves after insert on event_checkpoints
  for each row execute function event_checkpoint_record_leaves();
create trigger event_checkpoint_leaves_no_update_delete before update or delete on event_checkpoint_leaves
  for each row execute function events_refuse_change();
create trigger event_checkpoint_leaves_no_truncate before truncate on event_checkpoint_leaves
  for each statement execute function events_refuse_change();

-- Checkpoints signed before this table existed: their leaves, from the log as it is now.
insert into event_checkpoint_leaves (leaf_index, transaction_id, global_position, stream_id, stream_version, hash)
select row_number() over (order by e.transaction_id, e.global_position) - 1, e.transaction_id, e.global_position, e.stream_id, e.stream_version, e.hash
from events e, (select last_transaction_id, last_global_position from event_checkpoints order by sequence desc limit 1) c
where (e.transaction_id, e.global_position) <= (c.last_transaction_id, c.last_global_position);

revoke all on event_checkpoint_leaves from selter_app;
grant select, insert on event_checkpoint_leaves to selter_app;
