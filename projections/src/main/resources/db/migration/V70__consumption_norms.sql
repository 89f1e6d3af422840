-- Electricity consumption norms and tariffs per region and household type, effective-dated: the restriction
-- threshold of Decree 354 p.118 is two months of the charge at the norm and tariff in force on the day. Reference
-- data entered through the API (ConsumptionNorms), not a projection: a replay never touches it. Rows are never
-- changed; a new norm or tariff is a new row from its effective day. recorded_at comes from the ledger's clock.
CREATE TABLE consumption_norm (
    region_code    VARCHAR(2)    NOT NULL,
    household_type VARCHAR(32)   NOT NULL,
    effective_from DATE          NOT NULL,
    monthly_kwh    NUMERIC(13,3) NOT NULL CHECK (monthly_kwh > 0),
    tariff_kopecks BIGINT        NOT NULL CHECK (tariff_kopecks > 0),
    source         VARCHAR(500)  NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (region_code, household_type, effective_from)
);

-- The account's household type in force (HouseholdTypeSet), which picks its norm; null while none was set.
ALTER TABLE overdue_account ADD COLUMN household_type VARCHAR(32);
