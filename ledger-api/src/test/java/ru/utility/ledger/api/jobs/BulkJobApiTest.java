package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.Uploads;

@LedgerIntegrationTest
class BulkJobApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBillingRunPostsGoodLinesAndReportsEveryBadOne() throws Exception {
        Api api = new Api(port);
        String a = open(api);
        String b = open(api);
        String closed = open(api);
        assertThat(api.post("/api/v1/accounts/" + closed + "/closure", "operator", "{}").status()).isEqualTo(200);
        String unknown = Api.newAccountId();
        String csv = """
                accountId,period,amount,kWh
                %1$s,2026-10,1234.50,250.5
                %2$s,2026-10,99.99,20
                %3$s,2026-10,10.00,1
                %4$s,2026-10,10.00,1
                %1$s,2026-10,12.345,1
                %1$s,2026-10,1234.50,250.5
                %2$s,2026-09,"1,50",
                """.formatted(a, b, unknown, closed);

        HttpResponse<String> response = upload("/api/v1/billing-runs", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        JsonNode job = awaitCompleted(api, location);

        assertThat(job.get("kind").asText()).isEqualTo("BILLING_RUN");
        assertThat(job.get("linesTotal").asInt()).isEqualTo(7);
        assertThat(job.get("linesDone").asInt()).isEqualTo(3);
        assertThat(job.get("linesFailed").asInt()).isEqualTo(4);
        assertThat(job.get("linesPending").asInt()).isZero();
        assertThat(job.get("etaSeconds").asLong()).isZero();
        assertThat(job.get("ratePerSecond").asDouble()).isPositive();
        assertThat(job.get("firstErrors")).extracting(e -> e.get("line").asInt() + ":" + e.get("code").asText())
                .containsExactly("4:UNKNOWN_ACCOUNT", "5:ACCOUNT_CLOSED", "6:BAD_AMOUNT", "7:DUPLICATE");
        awaitBalance(api, a, "1234.50");
        awaitBalance(api, b, "101.49");

        Api.Response report = api.get(job.get("errorReport").asText(), "finance");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(report.body().lines()).hasSize(5).first().isEqualTo("line,accountId,reference,code,reason");
        assertThat(report.body()).contains("4," + unknown + ",2026-10,UNKNOWN_ACCOUNT,");
    }

    @Test
    void aWindows1251RegistryIsImportedOnceEvenWhenUploadedTwice() throws Exception {
        Api api = new Api(port);
        String a = open(api);
        String b = open(api);
        String registry = """
                SBER-%1$s-1;%1$s;1000,00;20.11.2026;Иванова Мария Петровна
                SBER-%1$s-2;%2$s;250.50;2026-11-21;Петров Пётр
                SBER-%1$s-3;%1$s;0,50;21.11.2026;Иванова М.П.
                =;3;1251,00
                """.formatted(a, b);
        byte[] bytes = registry.getBytes(CP1251);

        HttpResponse<String> first = upload("/api/v1/payment-registries", bytes, "text/csv");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        JsonNode job = awaitCompleted(api, first.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("charset").asText()).isEqualTo("windows-1251");
        assertThat(job.get("linesDone").asInt()).isEqualTo(3);
        awaitBalance(api, a, "-1000.50");
        awaitBalance(api, b, "-250.50");

        HttpResponse<String> again = upload("/api/v1/payment-registries", bytes, "text/csv");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("jobId").asText()).isEqualTo(job.get("jobId").asText());
        assertThat(paymentEvents(a)).isEqualTo(2);
        assertThat(paymentEvents(b)).isEqualTo(1);
    }

    @Test
    void aRegistryResentAsANewFileRecordsNothingTwice() throws Exception {
        Api api = new Api(port);
        String a = open(api);
        String first = "R1-%1$s;%1$s;10.00;2026-11-20\n=;1;10.00\n".formatted(a);
        String second = "R1-%1$s;%1$s;10.00;2026-11-20\nR2-%1$s;%1$s;5.00;2026-11-20\n=;2;15.00\n".formatted(a);
        awaitCompleted(api, upload("/api/v1/payment-registries", first.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8").headers().firstValue("Location").orElseThrow());

        JsonNode job = awaitCompleted(api, upload("/api/v1/payment-registries", second.getBytes(StandardCharsets.UTF_8),
                "text/csv").headers().firstValue("Location").orElseThrow());

        assertThat(job.get("linesDone").asInt()).isEqualTo(1);
        assertThat(job.get("firstErrors").get(0).get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(paymentEvents(a)).isEqualTo(2);
        awaitBalance(api, a, "-15.00");
    }

    @Test
    void aRegistryWhoseControlLineDoesNotMatchIsRejectedWhole() throws Exception {
        Api api = new Api(port);
        String a = open(api);
        Integer jobsBefore = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);

        HttpResponse<String> wrongTotal = upload("/api/v1/payment-registries",
                "X1-%1$s;%1$s;10.00;2026-11-20\nX2-%1$s;%1$s;5.00;2026-11-20\n=;2;16.00\n".formatted(a)
                        .getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> wrongCount = upload("/api/v1/payment-registries",
                "X1-%1$s;%1$s;10.00;2026-11-20\n=;2;10.00\n".formatted(a).getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> missing = upload("/api/v1/payment-registries",
                "X1-%1$s;%1$s;10.00;2026-11-20\n".formatted(a).getBytes(StandardCharsets.UTF_8), "text/csv");

        assertProblem(wrongTotal, 422, "CONTROL_MISMATCH", "controlLine.total");
        assertProblem(wrongCount, 422, "CONTROL_MISMATCH", "controlLine.count");
        assertProblem(missing, 422, "CONTROL_LINE_MISSING", "controlLine");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobsBefore);
        assertThat(paymentEvents(a)).isZero();
    }

    @Test
    void unknownAndMalformedJobIdsAreProblems() throws Exception {
        Api api = new Api(port);
        Api.Response unknown = api.get("/api/v1/jobs/4b0c6a3e-0000-4000-8000-000000000000", "finance");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("UNKNOWN_JOB");
        Api.Response malformed = api.get("/api/v1/jobs/not-a-job", "finance");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("jobId");
        assertProblem(upload("/api/v1/billing-runs", new byte[0], "text/csv"), 422, "EMPTY_FILE", "body");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("errors").findValuesAsString("field")).contains(field);
    }

    private int paymentEvents(String account) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentRecorded'
                """, Integer.class, account);
        return count == null ? 0 : count;
    }

    static JsonNode awaitCompleted(Api api, String location) {
        return Uploads.awaitCompleted(api, location);
    }

    static String balance(Api api, String account) {
        return Uploads.balance(api, account);
    }

    /** The balances projection is asynchronous: its row can exist before every posting of a job is applied. */
    static void awaitBalance(Api api, String account, String expected) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(balance(api, account)).isEqualTo(expected));
    }

    static String open(Api api) {
        return Uploads.open(api);
    }

    HttpResponse<String> upload(String path, byte[] body, String contentType) throws Exception {
        return Uploads.upload(port, path, body, contentType);
    }
}
