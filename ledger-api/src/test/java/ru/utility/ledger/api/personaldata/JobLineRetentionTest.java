package ru.utility.ledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * Bank registry lines carry payer names: a finished job's lines lose their raw text once the retention period
 * (90 days by default) has passed on the ledger's clock, and at once for an account whose data was erased.
 */
@LedgerIntegrationTest
class JobLineRetentionTest {

    @Autowired
    JobLineRetention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void purgesTheRawTextOfJobsFinishedBeforeTheRetentionPeriod() {
        Instant now = clock.instant();
        UUID old = job(now.minus(Duration.ofDays(91)));
        UUID recent = job(now.minus(Duration.ofDays(89)));

        int purged = retention.purge();

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(raws(old)).containsOnly(JobLineRetention.PURGED);
        assertThat(raws(recent)).allMatch(raw -> raw.contains("Smirnov Petr"));
        // What a report shows stays: status, account, reference, error.
        assertThat(jdbc.queryForObject("SELECT error_code FROM bulk_job_line WHERE job_id = ? AND line_no = 2",
                String.class, old)).isEqualTo("UNKNOWN_ACCOUNT");
        retention.purge();
        assertThat(raws(old)).containsOnly(JobLineRetention.PURGED);
        assertThat(raws(recent)).allMatch(raw -> raw.contains("Smirnov Petr"));
    }

    @Test
    void anErasedAccountsFinishedLinesLoseTheirTextAtOnce() {
        UUID recent = job(clock.instant().minus(Duration.ofDays(1)));
        String account = "RET-" + recent.toString().substring(0, 8);
        jdbc.update("UPDATE bulk_job_line SET account_id = ? WHERE job_id = ? AND line_no = 1", account, recent);

        assertThat(retention.eraseAccount(account)).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT raw FROM bulk_job_line WHERE job_id = ? AND line_no = 1", String.class,
                recent)).isEqualTo(JobLineRetention.ERASED);
        assertThat(jdbc.queryForObject("SELECT raw FROM bulk_job_line WHERE job_id = ? AND line_no = 2", String.class,
                recent)).contains("Smirnov Petr");
    }

    /** A completed payment registry job with two finished lines, finished at {@code finishedAt}. */
    private UUID job(Instant finishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO bulk_job (id, kind, state, file_sha256, charset, created_by, lines_total, lines_done,
                                      lines_failed, created_at, finished_at)
                VALUES (?, 'PAYMENT_REGISTRY', 'COMPLETED', ?, 'UTF-8', 'operator', 2, 1, 1, ?, ?)""",
                id, id.toString().replace("-", "") + "0".repeat(32),
                Timestamp.from(clock.instant().minus(Duration.ofDays(200))),
                Timestamp.from(finishedAt));
        jdbc.update("""
                INSERT INTO bulk_job_line (job_id, line_no, status, account_id, reference, raw, error_code, error_reason)
                VALUES (?, 1, 'DONE', 'ACC-1', 'SBER-1', 'ACC-1;SBER-1;100.00;2026-01-10;Smirnov Petr', NULL, NULL),
                       (?, 2, 'FAILED', 'NO-SUCH', 'SBER-2', 'NO-SUCH;SBER-2;5.00;2026-01-10;Smirnov Petr',
                        'UNKNOWN_ACCOUNT', 'account NO-SUCH does not exist')""", id, id);
        return id;
    }

    private java.util.List<String> raws(UUID job) {
        return jdbc.queryForList("SELECT raw FROM bulk_job_line WHERE job_id = ? ORDER BY line_no", String.class, job);
    }
}
