package ru.utility.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class JobProgressTest {

    private static JsonNode job(String state, int total, int done, int failed, String rate, String eta) {
        return LedgerClient.JSON.readTree("""
                {"jobId":"j","state":"%s","linesTotal":%d,"linesDone":%d,"linesFailed":%d,"ratePerSecond":%s,
                 "etaSeconds":%s}""".formatted(state, total, done, failed, rate, eta));
    }

    @Test
    void aRunningJobShowsFinishedLinesFailuresRateAndEta() {
        // 10,397 done + 3 failed = 10,400 of 20,000 finished: 52 %, 15.6 of 30 marks rounded down to 15.
        assertThat(JobProgress.line(job("RUNNING", 20_000, 10_397, 3, "850.4", "11")))
                .isEqualTo("[" + "#".repeat(15) + ".".repeat(15) + "] 52% 10400/20000 lines, 3 failed, "
                        + "850.4 lines/s, ETA 11s");
    }

    @Test
    void percentRoundsDownSoOnlyAFinishedJobShowsAHundred() {
        assertThat(JobProgress.percent(job("RUNNING", 1000, 999, 0, "null", "null"))).isEqualTo(99);
        assertThat(JobProgress.line(job("COMPLETED", 2, 1, 1, "2.0", "0")))
                .isEqualTo("[" + "#".repeat(30) + "] 100% 2/2 lines, 1 failed");
    }

    @Test
    void aQueuedJobSaysSoAndAnEmptyJobIsComplete() {
        assertThat(JobProgress.line(job("QUEUED", 40, 0, 0, "null", "null")))
                .isEqualTo("[" + ".".repeat(30) + "] 0% 0/40 lines, 0 failed, queued");
        assertThat(JobProgress.percent(job("COMPLETED", 0, 0, 0, "null", "null"))).isEqualTo(100);
    }
}
