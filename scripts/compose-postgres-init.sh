#!/bin/sh
# The database roles of docker-compose.yml (ADR 0019). The postgres image runs this once, as its
# superuser, when it initialises an empty volume. Passwords come from the secret files; none is
# in the compose file. selter_owner owns the database and is used by the migrate step only;
# selter_app is the services' role (the migrations grant it what each table needs); temporal may
# create its own two databases (temporalio/admin-tools, ADR 0032) and nothing else; keycloak owns
# the database keycloak and nothing else.
set -eu
secret() { tr -d '\r\n' < "/run/secrets/$1"; }
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" \
  -v owner_password="$(secret selter-owner-password)" \
  -v app_password="$(secret selter-app-password)" \
  -v temporal_password="$(secret temporal-db-password)" \
  -v keycloak_password="$(secret keycloak-db-password)" <<'SQL'
create role selter_owner login nosuperuser nocreatedb nocreaterole noreplication password :'owner_password';
create role selter_app login nosuperuser nocreatedb nocreaterole noreplication password :'app_password';
create role temporal login nosuperuser createdb nocreaterole noreplication password :'temporal_password';
alter database :"db" owner to selter_owner;
revoke all on database :"db" from public;
grant connect on database :"db" to selter_app;
create role keycloak login nosuperuser nocreatedb nocreaterole noreplication password :'keycloak_password';
create database keycloak owner keycloak;
revoke all on database keycloak from public;
SQL
