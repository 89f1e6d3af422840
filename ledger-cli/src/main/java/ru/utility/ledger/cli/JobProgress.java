package ru.utility.ledger.cli;

import tools.jackson.databind.JsonNode;

/** One line of a job's progress: {@code [#####.....] 52% 10400/20000 lines, 3 failed, 850.4 lines/s, ETA 12s}. */
final class JobProgress {

    static final int WIDTH = 30;

    private JobProgress() {
    }

    static String line(JsonNode job) {
        int total = job.path("linesTotal").asInt();
        int done = job.path("linesDone").asInt();
        int failed = job.path("linesFailed").asInt();
        int finished = done + failed;
        int percent = percent(job);
        int filled = total == 0 ? WIDTH : (int) ((long) finished * WIDTH / total);
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled))
                .append("] ").append(percent).append("% ").append(finished).append('/').append(total)
                .append(" lines, ").append(failed).append(" failed");
        String state = job.path("state").asString("");
        if ("QUEUED".equals(state)) {
            line.append(", queued");
        } else if ("RUNNING".equals(state)) {
            JsonNode rate = job.get("ratePerSecond");
            if (rate != null && !rate.isNull()) {
                line.append(", ").append(rate.asString()).append(" lines/s");
            }
            JsonNode eta = job.get("etaSeconds");
            if (eta != null && !eta.isNull()) {
                line.append(", ETA ").append(eta.asLong()).append('s');
            }
        }
        return line.toString();
    }

    /** Finished lines (done or failed) as a whole percentage, rounded down: 100 only when nothing is pending. */
    static int percent(JsonNode job) {
        int total = job.path("linesTotal").asInt();
        if (total == 0) {
            return 100;
        }
        long finished = job.path("linesDone").asLong() + job.path("linesFailed").asLong();
        return (int) (finished * 100 / total);
    }
}
