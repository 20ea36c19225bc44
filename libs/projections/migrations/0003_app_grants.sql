-- What the services' role `selter_app` needs on the read models (ADR 0019): the runner rewrites a
-- round's rows per batch (SELECT, INSERT, UPDATE, DELETE) and moves its checkpoint; `rebuild`
-- empties the models (TRUNCATE), which are disposable. The event log stays append-only (0004).
grant select, insert, update, delete, truncate
  on rm_round_posts, rm_post_applicants, rm_pending_decisions, rm_round_timeline to selter_app;
grant select, insert, update on projection_checkpoints to selter_app;
