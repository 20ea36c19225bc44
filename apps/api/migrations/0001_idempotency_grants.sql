-- What the services' role `selter_app` needs on the idempotency records (ADR 0019): a request
-- inserts a pending row, completes it (UPDATE), drops it when it failed (DELETE); a timer purges
-- rows older than a day (DELETE). Named to sort right after 0001 and before any later migration.
grant select, insert, update, delete on api_idempotency to selter_app;
