-- Responses to POSTs sent with an Idempotency-Key, per principal, kept 24 hours (ADR 12).
create table if not exists api_idempotency (
  principal text not null,
  key text not null,
  request_hash text not null,
  state text not null check (state in ('pending', 'done')),
  status int,
  body jsonb,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index if not exists api_idempotency_created_at on api_idempotency (created_at);
