-- Charge corrections (recalculations, ChargeCorrected) on the balances projection: signed, increases positive.
ALTER TABLE account_balance ADD COLUMN corrected_kopecks BIGINT NOT NULL DEFAULT 0;
