-- Read models for the round workflow and the API. Every row belongs to one round stream
-- (round_id = the stream id), which is how the runner loads and rewrites them per batch.
-- They are disposable: `rebuild` truncates them and replays the event log.

-- rounds: one row per post of a round, with the round's own status repeated on each row.
create table rm_round_posts (
  round_id text not null,
  post_id text not null,
  round_name text,
  agency text,
  round_status text not null,
  post_title text,
  post_kind text,
  post_status text not null,
  run integer not null default 1,
  registration_deadline date,
  extensions integer not null default 0,
  applicants integer not null default 0,
  appointee_id text,
  status_reason text,
  updated_at timestamptz not null,
  primary key (round_id, post_id)
);
create index rm_round_posts_status on rm_round_posts (post_status);

-- applicants: one row per applicant of a post's current run (a re-run starts a fresh list, as in
-- the domain; earlier runs stay in the timeline), with stage scores and the published ranking.
create table rm_post_applicants (
  round_id text not null,
  post_id text not null,
  applicant_id text not null,
  name text,
  nip text,
  invited boolean not null default false,
  registered_at timestamptz not null,
  verdict text,
  withdrawn boolean not null default false,
  eliminated_at text,
  -- raw score per stage id, as recorded; rank and total come from the last published ranking
  scores jsonb not null default '{}',
  total numeric,
  rank integer,
  primary key (round_id, post_id, applicant_id)
);

-- pending decisions: what a role must decide next, per round or post (post_id '' = the round).
create table rm_pending_decisions (
  round_id text not null,
  post_id text not null,
  decision text not null,
  role text not null,
  since timestamptz not null,
  details jsonb not null default '{}',
  primary key (round_id, post_id, decision)
);
create index rm_pending_decisions_role on rm_pending_decisions (role, since);

-- timeline: every event of a round, in stream order, with a one-line summary.
create table rm_round_timeline (
  round_id text not null,
  stream_version bigint not null,
  global_position bigint not null,
  event_id uuid not null,
  type text not null,
  at timestamptz not null,
  post_id text,
  actor_id text,
  actor_role text,
  summary text not null,
  primary key (round_id, stream_version)
);
