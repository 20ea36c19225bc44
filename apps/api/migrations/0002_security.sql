-- ASVS L2 (ADR 21): the record of every authentication and authorisation refusal, and the rate
-- limits shared by every API instance.

-- Append-only like the event log: the app role may INSERT and SELECT, triggers refuse the rest.
create table if not exists security_events (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  principal text,
  role text,
  method text not null,
  route text not null,
  status int not null,
  code text not null,
  request_id text,
  client text
);
create index if not exists security_events_at on security_events (at);

create or replace function security_events_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'security_events are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
drop trigger if exists security_events_no_update_delete on security_events;
create trigger security_events_no_update_delete before update or delete on security_events
  for each row execute function security_events_refuse_change();
drop trigger if exists security_events_no_truncate on security_events;
create trigger security_events_no_truncate before truncate on security_events
  for each statement execute function security_events_refuse_change();

-- Fixed windows per key (a hashed client address or principal and throttler); rows are reused.
create table if not exists api_rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits int not null
);

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'selter_app') then
    create role selter_app nologin;
  end if;
end $$;
revoke all on security_events, api_rate_limits from selter_app;
grant select, insert on security_events to selter_app;
grant select, insert, update, delete on api_rate_limits to selter_app;
