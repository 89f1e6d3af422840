package ru.utility.ledger.api.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.csv.CsvWriter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Job status with throughput and an estimate, and the per-line error report. */
@Component
public class JobQueries {

    static final int ERRORS_IN_STATUS = 20;

    private final JdbcTemplate jdbc;

    public JobQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record LineError(int line, String accountId, String reference, String code, String reason) {
    }

    /**
     * @param ratePerSecond lines finished per second since the job started (null before the first chunk)
     * @param etaSeconds    remaining lines at that rate (0 when completed, null when unknown)
     * @param registryProfile the bank registry profile the file was read in (null for a billing run)
     */
    public record JobStatus(UUID jobId, JobKind kind, String state, String fileName, String sha256, String charset,
                            String createdBy, int linesTotal, int linesDone, int linesFailed, int linesPending,
                            Double ratePerSecond, Long etaSeconds, Instant createdAt, Instant startedAt,
                            Instant finishedAt, List<LineError> firstErrors, String errorReport,
                            String registryProfile) {

        JobStatus withErrors(List<LineError> errors) {
            return new JobStatus(jobId, kind, state, fileName, sha256, charset, createdBy, linesTotal, linesDone,
                    linesFailed, linesPending, ratePerSecond, etaSeconds, createdAt, startedAt, finishedAt, errors,
                    errorReport, registryProfile);
        }
    }

    public Optional<JobStatus> find(UUID id) {
        return jdbc.query("""
                SELECT id, kind, state, file_name, file_sha256, charset, created_by, lines_total, lines_done,
                       lines_failed, created_at, started_at, updated_at, finished_at, registry_profile
                  FROM bulk_job WHERE id = ?
                """, (rs, n) -> {
            int total = rs.getInt("lines_total");
            int done = rs.getInt("lines_done");
            int failed = rs.getInt("lines_failed");
            Instant started = instant(rs.getTimestamp("started_at"));
            Instant updated = instant(rs.getTimestamp("updated_at"));
            Instant finished = instant(rs.getTimestamp("finished_at"));
            int pending = Math.max(0, total - done - failed);
            Double rate = null;
            Long eta = null;
            if (started != null && updated != null) {
                Instant end = finished != null ? finished : updated;
                double seconds = Math.max(Duration.between(started, end).toMillis(), 1) / 1000.0;
                rate = Math.round((done + failed) / seconds * 10) / 10.0;
                if (pending == 0) {
                    eta = 0L;
                } else if (rate > 0) {
                    eta = (long) Math.ceil(pending / rate);
                }
            }
            UUID id2 = rs.getObject("id", UUID.class);
            return new JobStatus(id2, JobKind.valueOf(rs.getString("kind")), rs.getString("state"),
                    rs.getString("file_name"), rs.getString("file_sha256"), rs.getString("charset"),
                    rs.getString("created_by"), total, done, failed, pending, rate, eta,
                    instant(rs.getTimestamp("created_at")), started, finished, List.of(),
                    "/api/v1/jobs/" + id2 + "/errors", rs.getString("registry_profile"));
        }, id).stream().findFirst().map(status -> status.withErrors(errors(id, ERRORS_IN_STATUS)));
    }

    /** The newest jobs first: the history of uploads. */
    public List<JobStatus> recent(int limit) {
        return jdbc.queryForList("SELECT id FROM bulk_job ORDER BY created_at DESC LIMIT ?", UUID.class, limit)
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** Jobs not yet completed (queued or running), oldest first. */
    public List<JobStatus> unfinished() {
        return jdbc.queryForList("SELECT id FROM bulk_job WHERE state <> 'COMPLETED' ORDER BY created_at", UUID.class)
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    List<LineError> errors(UUID id, int limit) {
        return jdbc.query("""
                SELECT line_no, account_id, reference, error_code, error_reason FROM bulk_job_line
                 WHERE job_id = ? AND status = 'FAILED' ORDER BY line_no LIMIT ?
                """, (rs, n) -> new LineError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)), id, limit);
    }

    /** Streams every failed line as CSV, so a report of a million lines never sits in memory. */
    public void writeErrorReport(UUID id, Writer out, CsvDialect dialect) throws IOException {
        CsvWriter csv = new CsvWriter(out, dialect);
        try {
            csv.row("line", "accountId", "reference", "code", "reason");
            jdbc.query("""
                    SELECT line_no, account_id, reference, error_code, error_reason FROM bulk_job_line
                     WHERE job_id = ? AND status = 'FAILED' ORDER BY line_no
                    """, rs -> {
                csv.row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }, id);
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
