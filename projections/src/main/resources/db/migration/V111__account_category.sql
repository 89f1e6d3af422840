-- An account's social categories with their validity (a revocation ends the validity the day before it applies),
-- kept once: the relief statistics projection maintains it (it needs the categories valid on an enrolment day
-- while it handles the enrolment, in the account stream's order) and the overdue list reads it. It replaces
-- relief_category and overdue_category, which both held the same rows from the same events. Personal data: an
-- erasure deletes an account's rows (docs/operating/data-protection.md).
CREATE TABLE account_category (
    account_id VARCHAR(32) NOT NULL,
    category   VARCHAR(16) NOT NULL,
    valid_from DATE        NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (account_id, category)
);

-- The relief statistics projection's copy is the one its guard (V110) says is complete for what it applied.
INSERT INTO account_category (account_id, category, valid_from, valid_to)
SELECT account_id, category, valid_from, valid_to FROM relief_category;

DROP TABLE relief_category;
DROP TABLE overdue_category;
