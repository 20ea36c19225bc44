-- What the services' role `selter_app` needs (ADR 0019): the relay creates and moves its
-- checkpoint; consumers record handled event ids (a failed effect rolls its row back, never deletes it).
grant select, insert, update on relay_checkpoints to selter_app;
grant select, insert on consumer_inbox to selter_app;
