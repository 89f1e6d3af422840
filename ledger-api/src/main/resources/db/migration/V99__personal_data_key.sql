-- Each account's data key for its personal data (docs/data-protection.md), wrapped with the master key from the
-- configuration. The events hold only ciphertext under these keys; erasing an account's personal data deletes
-- its key here (the row stays, as the mark that the account was erased), and the hash-chained events are never
-- touched. This is the one mutable table personal data depends on.
CREATE TABLE personal_data_key (
    account_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    key_version    INTEGER      NOT NULL,
    -- nonce ‖ AES-256-GCM(master key, data key); NULL once erased
    wrapped_key    BYTEA,
    -- which master key wrapped it (MasterKey.id); NULL once erased
    master_key_id  CHAR(16),
    created_at     TIMESTAMPTZ  NOT NULL,
    erased_at      TIMESTAMPTZ,
    CONSTRAINT personal_data_key_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
