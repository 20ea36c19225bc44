-- The signing rule (ADR 0018): the backbone signs a checkpoint only over a log it has just checked
-- against the previous one. When the check fails it records an alarm here and refuses to sign until
-- an operator acknowledges the alarm (a row in signing_alarm_acks). Both tables are append-only.
create table signing_alarms (
  id uuid primary key,
  raised_at timestamptz not null default now(),
  code text not null,
  reason text not null,
  stream_id text,
  stream_version bigint,
  global_position bigint,
  -- The last signed checkpoint when the alarm was raised: an acknowledgement lets the next checkpoint
  -- follow this one without extending its tree (the break stays visible to every verifier).
  checkpoint_sequence bigint
);

create table signing_alarm_acks (
  alarm_id uuid primary key references signing_alarms (id),
  acknowledged_at timestamptz not null default now(),
  operator text not null check (length(operator) between 1 and 200),
  reason text not null check (length(reason) between 1 and 2000)
);

-- Witnesses' cosignatures of signed checkpoints (C2SP tlog-cosignature style): a second party's key
-- says it saw this checkpoint and found it consistent with the last one it cosigned.
create table checkpoint_cosignatures (
  checkpoint_hash bytea not null check (length(checkpoint_hash) = 32),
  witness_key_id text not null,
  checkpoint_sequence bigint not null,
  witness_public_key text not null,
  cosigned_at timestamptz not null,
  signed_body text not null,
  signature bytea not null,
  received_at timestamptz not null default now(),
  primary key (checkpoint_hash, witness_key_id)
);

create trigger signing_alarms_no_update_delete before update or delete on signing_alarms
  for each row execute function events_refuse_change();
create trigger signing_alarm_acks_no_update_delete before update or delete on signing_alarm_acks
  for each row execute function events_refuse_change();
create trigger checkpoint_cosignatures_no_update_delete before update or delete on checkpoint_cosignatures
  for each row execute function events_refuse_change();
create trigger signing_alarms_no_truncate before truncate on signing_alarms
  for each statement execute function events_refuse_change();
create trigger signing_alarm_acks_no_truncate before truncate on signing_alarm_acks
  for each statement execute function events_refuse_change();
create trigger checkpoint_cosignatures_no_truncate before truncate on checkpoint_cosignatures
  for each statement execute function events_refuse_change();

revoke all on signing_alarms, signing_alarm_acks, checkpoint_cosignatures from selter_app;
grant select, insert on signing_alarms, signing_alarm_acks, checkpoint_cosignatures to selter_app;
