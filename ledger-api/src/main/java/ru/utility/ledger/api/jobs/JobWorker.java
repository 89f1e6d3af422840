package ru.utility.ledger.api.jobs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.ops.LedgerMetrics;

/**
 * Works through open jobs, oldest first, one chunk at a time. A node owns a job through a lease that each
 * chunk renews; a job whose lease ran out (its node crashed) is taken over. Stopping finishes the current
 * chunk and hands the lease back, so a restarted node continues at once.
 */
@Component
public class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JdbcTemplate jdbc;
    private final JobChunks chunks;
    private final JobsProperties properties;
    private final LedgerMetrics metrics;
    private final RegistryLayouts layouts;
    private final String node = "node-" + UUID.randomUUID();
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile Thread thread;

    public JobWorker(JdbcTemplate jdbc, JobChunks chunks, JobsProperties properties, LedgerMetrics metrics,
                     RegistryLayouts layouts) {
        this.metrics = metrics;
        this.layouts = layouts;
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.properties = properties;
    }

    /** Called after an upload so the new job starts without waiting for the next poll. */
    void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("bulk-jobs").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        jdbc.update("UPDATE bulk_job SET owner = NULL, lease_until = NULL WHERE owner = ? AND state <> 'COMPLETED'",
                node);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and the data source go away (the default phase stops last). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        while (running) {
            try {
                Optional<JobChunks.Job> job = claim();
                if (job.isPresent()) {
                    work(job.get());
                } else {
                    idle();
                }
            } catch (JobChunks.LeaseLost e) {
                log.warn("{}", e.getMessage());
            } catch (RuntimeException e) {
                metrics.jobWorkerFailed();
                log.warn("bulk job worker failed; retrying after {}", properties.pollInterval(), e);
                idle();
            }
        }
    }

    private void idle() {
        synchronized (signal) {
            try {
                signal.wait(properties.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private Optional<JobChunks.Job> claim() {
        return jdbc.query("""
                UPDATE bulk_job SET owner = ?, state = 'RUNNING',
                       lease_until = clock_timestamp() + make_interval(secs => ?),
                       started_at = COALESCE(started_at, clock_timestamp()),
                       updated_at = COALESCE(updated_at, clock_timestamp())
                 WHERE id = (SELECT id FROM bulk_job
                              WHERE state <> 'COMPLETED'
                                AND (owner IS NULL OR owner = ? OR lease_until < clock_timestamp())
                              ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, kind, created_by, request_id, registry_profile, registry_layout
                """, (rs, n) -> {
                    JobKind kind = JobKind.valueOf(rs.getString("kind"));
                    return new JobChunks.Job(rs.getObject("id", UUID.class), kind, node, rs.getString("created_by"),
                            rs.getString("request_id"), kind == JobKind.PAYMENT_REGISTRY
                            ? layouts.format(rs.getString("registry_profile"), rs.getString("registry_layout")) : null);
                },
                node, properties.lease().toMillis() / 1000.0, node).stream().findFirst();
    }

    private void work(JobChunks.Job job) {
        while (running) {
            List<JobChunks.PendingLine> lines = jdbc.query("""
                    SELECT line_no, raw FROM bulk_job_line WHERE job_id = ? AND status = 'PENDING'
                     ORDER BY line_no LIMIT ?
                    """, (rs, n) -> job.pending(rs.getInt("line_no"), rs.getString("raw")),
                    job.id(), properties.chunkSize());
            if (lines.isEmpty()) {
                jdbc.update("""
                        UPDATE bulk_job SET state = 'COMPLETED', finished_at = clock_timestamp(),
                               updated_at = clock_timestamp(), owner = NULL, lease_until = NULL
                         WHERE id = ? AND owner = ?
                        """, job.id(), node);
                log.info("bulk job {} completed", job.id());
                return;
            }
            chunks.process(job, lines);
        }
    }
}
