-- Least privilege (ADR 0019). Migrations run as the schema owner (`selter_owner` in the embedded
-- setup, whatever role DATABASE_OWNER_URL names elsewhere); every service connects as `selter_app`,
-- a login role with a password that is no superuser and owns nothing, so it cannot switch the
-- append-only triggers off (ALTER TABLE needs ownership, session_replication_role a superuser).
-- Roles and passwords are provisioned outside migrations (ADR 0019); 0003 made `selter_app` if
-- it was missing. Each migration that creates a table grants `selter_app` exactly what it needs.

-- Nobody but the owner creates objects (already so on PostgreSQL 15; explicit for older servers).
revoke create on schema public from public;
grant usage on schema public to selter_app;

-- Services check at start that the migrate step has run: read-only.
revoke all on selter_migrations from selter_app;
grant select on selter_migrations to selter_app;

-- The log and the checkpoints stay append-only for the service (0003 granted only SELECT and
-- INSERT; restated so a later grant cannot widen them unnoticed when this migration is read).
revoke all on events, event_checkpoints from selter_app;
grant select, insert on events, event_checkpoints to selter_app;
