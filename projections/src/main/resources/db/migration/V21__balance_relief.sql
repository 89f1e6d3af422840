-- Relief credits (COMPENSATION, later DISCOUNT) on the balances projection: money the programmes paid.
ALTER TABLE account_balance ADD COLUMN relief_kopecks BIGINT NOT NULL DEFAULT 0;
