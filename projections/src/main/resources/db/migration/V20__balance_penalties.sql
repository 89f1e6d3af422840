-- Accrued late-payment penalties on the balances projection (PenaltyAccrued; negative corrections included).
ALTER TABLE account_balance ADD COLUMN penalties_kopecks BIGINT NOT NULL DEFAULT 0;
