-- The overdue projection writes its frequent events (charges, allocations) in JDBC batches without reading
-- its own rows first; each charge row remembers the last event that moved its paid amount, so an allocation
-- delivered again changes nothing (the account-level guard overdue_account.last_sequence still advances).
ALTER TABLE overdue_charge ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT -1;
