package ru.utility.ledger.api.personaldata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Purges the raw text of bulk-job lines (bank registries carry payer names) once their job has been finished
 * for longer than {@code ledger.personal-data.job-line-retention}. A line keeps its number, status, account,
 * reference and error, which is all a job's report shows. Every node runs it; the update is idempotent.
 */
@Component
public class JobLineRetention implements SmartLifecycle {

    /** What a purged line's raw text becomes. */
    public static final String PURGED = "[purged]";
    /** What the raw text of an erased account's lines becomes. */
    public static final String ERASED = "[erased]";

    private static final Logger log = LoggerFactory.getLogger(JobLineRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PersonalDataProperties properties;
    private volatile ScheduledExecutorService executor;

    public JobLineRetention(JdbcTemplate jdbc, Clock clock, PersonalDataProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Purges what the retention period has passed for, on the ledger's clock; returns the lines purged. */
    public int purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.jobLineRetention()));
        return jdbc.update("""
                UPDATE bulk_job_line SET raw = ?
                 WHERE job_id IN (SELECT id FROM bulk_job WHERE finished_at IS NOT NULL AND finished_at < ?)
                   AND raw NOT IN (?, ?)
                """, PURGED, cutoff, PURGED, ERASED);
    }

    /** The erased account's finished lines, at once (a pending line still has to be processed). */
    int eraseAccount(String accountId) {
        return jdbc.update("UPDATE bulk_job_line SET raw = ? WHERE account_id = ? AND status <> 'PENDING'",
                ERASED, accountId);
    }

    @Override
    public void start() {
        Duration interval = properties.purgeInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "job-line-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int purged = purge();
                if (purged > 0) {
                    log.info("Purged the raw text of {} bulk-job lines past their retention", purged);
                }
            } catch (RuntimeException e) {
                log.warn("Purging bulk-job lines failed (it is tried again): {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
