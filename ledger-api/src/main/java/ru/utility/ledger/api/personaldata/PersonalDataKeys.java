package ru.utility.ledger.api.personaldata;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The accounts' data keys in {@code personal_data_key} (V99), wrapped with the master key. The one mutable place
 * personal data depends on: deleting a key (erasure) leaves the ciphertext in the hash-chained events unreadable
 * without touching them. A row whose key is gone marks the account as erased; that mark also covers an account
 * whose events still hold clear text from before sealing (docs/operating/data-protection.md).
 *
 * <p>Writes go through Spring's JdbcTemplate, so a key created while an event is appended commits or rolls back
 * with that event.
 */
public class PersonalDataKeys {

    /** The only data-key version so far; a new data key for an account would be version 2. */
    static final int KEY_VERSION = 1;

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final MasterKey master;
    private final Clock clock;

    public PersonalDataKeys(JdbcTemplate jdbc, PersonalDataCipher cipher, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.master = master;
        this.clock = clock;
    }

    /** What a reader finds for an account: its data key, or that its personal data was erased, or neither. */
    public record KeyState(boolean erased, int keyVersion, byte[] dataKey) {

        static final KeyState NONE = new KeyState(false, 0, null);
        static final KeyState ERASED = new KeyState(true, 0, null);
    }

    /** The account's data key, made on first use. */
    public DataKey forSealing(String accountId) {
        KeyState state = find(accountId);
        if (state == KeyState.NONE) {
            byte[] dataKey = cipher.newDataKey();
            // Two nodes sealing for one new account at once: the first insert wins, the other reads it.
            jdbc.update("""
                    INSERT INTO personal_data_key (account_id, key_version, wrapped_key, master_key_id, created_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING
                    """, accountId, KEY_VERSION, cipher.wrap(master, dataKey, accountId), master.id(),
                    Timestamp.from(clock.instant()));
            state = find(accountId);
        }
        if (state.erased()) {
            // The aggregate refuses new personal data after erasure; reaching this is a bug, not an input error.
            throw new IllegalStateException("the personal data of account " + accountId + " has been erased");
        }
        return new DataKey(state.keyVersion(), state.dataKey());
    }

    public record DataKey(int version, byte[] key) {
    }

    public KeyState find(String accountId) {
        List<KeyState> rows = jdbc.query("""
                SELECT key_version, wrapped_key, master_key_id FROM personal_data_key WHERE account_id = ?
                """, (rs, n) -> {
            byte[] wrapped = rs.getBytes("wrapped_key");
            if (wrapped == null) {
                return KeyState.ERASED;
            }
            String masterKeyId = rs.getString("master_key_id");
            if (!master.id().equals(masterKeyId)) {
                throw new IllegalStateException("the data key of account " + accountId + " is wrapped with master key "
                        + masterKeyId + ", not the configured " + master.id() + " (docs/operating/personal-data-keys.md, rotation)");
            }
            try {
                return new KeyState(false, rs.getInt("key_version"), cipher.unwrap(master, wrapped, accountId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the data key of account " + accountId + " does not unwrap", e);
            }
        }, accountId);
        return rows.isEmpty() ? KeyState.NONE : rows.getFirst();
    }

    public boolean isErased(String accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM personal_data_key WHERE account_id = ? AND wrapped_key IS NULL)",
                Boolean.class, accountId));
    }

    /** Deletes the account's data key, or marks an account that never had one; a repeat changes nothing. */
    public void erase(String accountId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                INSERT INTO personal_data_key (account_id, key_version, wrapped_key, master_key_id, created_at, erased_at)
                VALUES (?, ?, NULL, NULL, ?, ?)
                ON CONFLICT (account_id) DO UPDATE SET wrapped_key = NULL, master_key_id = NULL,
                    erased_at = coalesce(personal_data_key.erased_at, EXCLUDED.erased_at)
                """, accountId, KEY_VERSION, now, now);
    }
}
