package ru.utility.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.SseClient;
import ru.utility.ledger.api.support.Uploads;

/**
 * Bounded inputs (issue 15): uploads by size (ledger.jobs.max-upload-size, 4MB in the suite) and line length,
 * JSON bodies (ledger.web.max-json-body, 1MB), and feed streams per user (ledger.feed.max-streams-per-user, 4).
 */
@LedgerIntegrationTest
class BoundedInputTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUploadPastTheLimitIs413AndNothingIsStored() throws Exception {
        Integer jobs = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);
        StringBuilder csv = new StringBuilder();
        while (csv.length() <= 4 * 1024 * 1024) {
            csv.append("NO-SUCH-ACCOUNT;1.00;2026-11-20;REF-").append(csv.length()).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertProblem(Uploads.upload(port, "/api/v1/payment-registries", bytes, "text/csv"), 413, "UPLOAD_TOO_LARGE");
        // Without a declared length the count is kept while the body streams in.
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/billing-runs"))
                .header("Content-Type", "text/csv").header("Authorization", basic("operator"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(streamed, 413, "UPLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobs);
    }

    @Test
    void aLineLongerThanTheLimitRefusesTheFile() throws Exception {
        Integer jobs = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);
        String registry = "ACC-1;1.00;2026-11-20;REF-1\nACC-2;1.00;2026-11-20;" + "R".repeat(1100) + "\n=;2;2.00\n";
        HttpResponse<String> refused = Uploads.upload(port, "/api/v1/payment-registries",
                registry.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertProblem(refused, 422, "LINE_TOO_LONG");
        assertThat(refused.body()).contains("line 2");
        HttpResponse<String> nul = Uploads.upload(port, "/api/v1/billing-runs",
                "ACC-1,2026-10,1.00,1\u0000\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertProblem(nul, 422, "UNREADABLE_FILE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobs);
    }

    @Test
    void aJsonBodyPastTheLimitIs413WithOrWithoutADeclaredLength() throws Exception {
        String account = Uploads.open(new Api(port));
        String huge = "{\"paymentId\": \"P-1\", \"amount\": \"1.00\", \"channel\": \"AUTOPAY\", \"description\": \""
                + "x".repeat(1024 * 1024) + "\"}";
        String path = "/api/v1/accounts/" + account + "/payments";
        HttpResponse<String> declared = http.send(json(path)
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(declared, 413, "BODY_TOO_LARGE");
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(json(path)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413, "BODY_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, account)).isEqualTo(1);
        // A body within the limit streamed without a length is read as usual.
        byte[] small = "{\"paymentId\": \"P-2\", \"amount\": \"1.00\", \"channel\": \"AUTOPAY\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = http.send(json(path)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aUserHoldsAtMostFourFeedStreams() throws Exception {
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient stream = new SseClient(port, "/api/v1/feed/stream?after=0", "integration", null);
                streams.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }
            HttpResponse<String> fifth = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/feed/stream?after=0"))
                    .header("Accept", "text/event-stream").header("Authorization", basic("integration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertProblem(fifth, 429, "TOO_MANY_STREAMS");
            assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
            // Another user is not affected.
            try (SseClient admin = new SseClient(port, "/api/v1/feed/stream?after=0", "admin", null)) {
                assertThat(admin.status()).isEqualTo(200);
            }
            streams.removeFirst().close();
            // The server notices the closed stream at its next heartbeat (500 ms in the suite).
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                SseClient again = new SseClient(port, "/api/v1/feed/stream?after=0", "integration", null);
                if (again.status() == 200) {
                    streams.add(again);
                    return true;
                }
                again.close();
                return false;
            });
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", basic("operator"));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"" + code + "\"");
    }
}
