-- The role the service writes events with: INSERT and SELECT only, on the event log.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'selter_app') then
    create role selter_app nologin;
  end if;
end $$;

revoke all on events, event_checkpoints from selter_app;
grant select, insert on events, event_checkpoints to selter_app;
