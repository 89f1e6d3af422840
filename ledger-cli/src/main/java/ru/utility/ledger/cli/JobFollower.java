package ru.utility.ledger.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Polls a job until it ends, drawing its progress on stderr, and turns the outcome into an exit code. A ledger
 * that stops answering for a while (a restart: the job goes on where it stopped) is waited for, up to a limit.
 */
final class JobFollower {

    static final String COMPLETED = "COMPLETED";
    private static final int FIRST_ERRORS_SHOWN = 5;

    private final LedgerClient client;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private final Duration interval;
    private final Duration patience;

    JobFollower(LedgerClient client, PrintWriter err, boolean terminal, boolean quiet, Duration interval,
                Duration patience) {
        this.client = client;
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
        this.interval = interval;
        this.patience = patience;
    }

    int follow(JsonNode first) {
        String jobId = first.path("jobId").asString();
        JsonNode job = first;
        String shown = null;
        int shownPercent = -1;
        String shownState = null;
        long unreachableSince = -1;
        while (true) {
            String state = job.path("state").asString();
            if (!quiet) {
                String line = JobProgress.line(job);
                if (terminal) {
                    if (!line.equals(shown)) {
                        // Padded so that a shorter line wipes the end of the longer one before it.
                        err.print("\r" + line + " ".repeat(Math.max(0, (shown == null ? 0 : shown.length()) - line.length())));
                        err.flush();
                    }
                } else if (JobProgress.percent(job) != shownPercent || !state.equals(shownState)) {
                    err.println(line);
                    err.flush();
                }
                shown = line;
                shownPercent = JobProgress.percent(job);
                shownState = state;
            }
            if (COMPLETED.equals(state)) {
                break;
            }
            if (!"QUEUED".equals(state) && !"RUNNING".equals(state)) {
                endLine();
                err.println("job " + jobId + " is " + state + ", not a state this tool knows; it did not complete");
                err.flush();
                return ExitCodes.JOB_FAILED;
            }
            sleep(interval);
            try {
                job = client.getJson("/api/v1/jobs/" + LedgerClient.segment(jobId), Map.of());
                unreachableSince = -1;
            } catch (LedgerException e) {
                boolean passing = e instanceof LedgerException.Unreachable
                        || e.exitCode() == ExitCodes.SERVER_ERROR;
                if (!passing) {
                    endLine();
                    throw e;
                }
                long now = System.nanoTime();
                if (unreachableSince < 0) {
                    unreachableSince = now;
                    endLine();
                    shown = null;
                    err.println("ledger not answering (" + e.getMessage().lines().findFirst().orElse("")
                            + "); trying again for up to " + patience.toSeconds() + "s, the job goes on meanwhile");
                    err.flush();
                } else if (now - unreachableSince > patience.toNanos()) {
                    throw e;
                }
            }
        }
        endLine();
        return summary(job);
    }

    private int summary(JsonNode job) {
        String jobId = job.path("jobId").asString();
        int done = job.path("linesDone").asInt();
        int failed = job.path("linesFailed").asInt();
        int total = job.path("linesTotal").asInt();
        err.println("job " + jobId + " completed: " + done + " of " + total + " lines done, " + failed + " failed");
        if (failed == 0) {
            err.flush();
            return ExitCodes.OK;
        }
        int shown = 0;
        for (JsonNode error : job.path("firstErrors")) {
            if (shown++ == FIRST_ERRORS_SHOWN) {
                break;
            }
            err.println("  line " + error.path("line").asString() + " " + error.path("code").asString() + ": "
                    + error.path("reason").asString());
        }
        err.println("every failed line: ledger job failed-lines " + jobId + " -o failed-lines.csv");
        err.flush();
        return ExitCodes.LINES_FAILED;
    }

    private void endLine() {
        if (terminal && !quiet) {
            err.println();
        }
    }

    private static void sleep(Duration interval) {
        try {
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException.Unreachable("interrupted while waiting for the job", e);
        }
    }
}
