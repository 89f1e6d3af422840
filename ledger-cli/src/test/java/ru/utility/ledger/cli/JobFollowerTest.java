package ru.utility.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Following a job through a ledger that fails in between: a stand-in server answers the job's polls from a script
 * of statuses and bodies, so the faults (a 503 during a restart, a job that does not end) come when the test says.
 */
class JobFollowerTest {

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final HttpServer server;
    private final StringWriter err = new StringWriter();

    record Answer(int status, String contentType, String body) {
    }

    JobFollowerTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/jobs/", exchange -> {
            Answer answer;
            synchronized (answers) {
                answer = answers.size() > 1 ? answers.poll() : answers.peek();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Answer job(String state, int done, int failed) {
        return new Answer(200, "application/json", """
                {"jobId":"j-1","state":"%s","linesTotal":10,"linesDone":%d,"linesFailed":%d,"ratePerSecond":5.0,
                 "etaSeconds":1,"firstErrors":%s}""".formatted(state, done, failed, failed == 0 ? "[]"
                : "[{\"line\":7,\"code\":\"UNKNOWN_ACCOUNT\",\"reason\":\"no account 77-0000-0007\"}]"));
    }

    private static final Answer RESTARTING = new Answer(503, "application/problem+json", """
            {"title":"Service Unavailable","status":503,"code":"STORE_UNAVAILABLE","detail":"restarting"}""");

    private JobFollower follower(boolean terminal, Duration patience) {
        LedgerClient client = new LedgerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null);
        return new JobFollower(client, new PrintWriter(err, true), terminal, false, Duration.ofMillis(10), patience);
    }

    private static JsonNode first() {
        return LedgerClient.JSON.readTree(job("QUEUED", 0, 0).body());
    }

    @Test
    void aLedgerThatStopsAnsweringForAWhileIsWaitedForAndTheOutcomeDecidesTheExitCode() {
        answers.addAll(List.of(job("RUNNING", 5, 0), RESTARTING, RESTARTING, job("RUNNING", 6, 1),
                job("COMPLETED", 9, 1)));

        int exit = follower(false, Duration.ofSeconds(30)).follow(first());

        assertThat(exit).isEqualTo(ExitCodes.LINES_FAILED);
        assertThat(err.toString().lines()).containsSubsequence(
                "[" + ".".repeat(30) + "] 0% 0/10 lines, 0 failed, queued",
                "[" + "#".repeat(15) + ".".repeat(15) + "] 50% 5/10 lines, 0 failed, 5.0 lines/s, ETA 1s",
                "[" + "#".repeat(21) + ".".repeat(9) + "] 70% 7/10 lines, 1 failed, 5.0 lines/s, ETA 1s",
                "[" + "#".repeat(30) + "] 100% 10/10 lines, 1 failed",
                "job j-1 completed: 9 of 10 lines done, 1 failed",
                "  line 7 UNKNOWN_ACCOUNT: no account 77-0000-0007",
                "every failed line: ledger job failed-lines j-1 -o failed-lines.csv");
        assertThat(err.toString()).containsOnlyOnce("ledger not answering (error: 503 Service Unavailable "
                + "(STORE_UNAVAILABLE): restarting); trying again for up to 30s");
    }

    @Test
    void aLedgerThatStaysDownPastThePatienceEndsTheWaitWithItsError() {
        answers.add(RESTARTING);

        assertThatThrownBy(() -> follower(false, Duration.ofMillis(200)).follow(first()))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR));
    }

    @Test
    void aRefusalWhileFollowingIsNotWaitedOut() {
        answers.add(new Answer(403, "application/problem+json", """
                {"title":"Forbidden","status":403,"code":"FORBIDDEN","detail":"not for this role"}"""));

        assertThatThrownBy(() -> follower(false, Duration.ofSeconds(30)).follow(first()))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.AUTH));
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        answers.addAll(List.of(job("RUNNING", 5, 0), job("COMPLETED", 10, 0)));

        int exit = follower(true, Duration.ofSeconds(30)).follow(first());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        String shown = err.toString();
        assertThat(shown).startsWith("\r[" + ".".repeat(30) + "] 0% 0/10 lines, 0 failed, queued")
                .contains("\r[" + "#".repeat(30) + "] 100% 10/10 lines, 0 failed")
                .endsWith("job j-1 completed: 10 of 10 lines done, 0 failed" + System.lineSeparator());
        // One line on the screen: every update starts with a carriage return; the only line break ends the bar.
        String bar = shown.substring(0, shown.indexOf("job j-1"));
        assertThat(bar.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(bar.chars().filter(c -> c == '\r').count()).isEqualTo(3);
    }
}
