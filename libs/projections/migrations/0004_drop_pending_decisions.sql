-- rm_pending_decisions re-encoded "who awaits what" beside the domain's awaitedDecisions, and
-- nothing read it. Inboxes come back derived from the domain (issue 17), not from a second rule set.
drop table if exists rm_pending_decisions;
delete from projection_checkpoints where name = 'pending-decisions';
