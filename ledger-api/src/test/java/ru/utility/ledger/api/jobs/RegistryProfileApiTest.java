package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.Uploads;

/** Registries in a bank's own layout, named by the upload, through the real API on embedded PostgreSQL. */
@LedgerIntegrationTest
class RegistryProfileApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Charset CP866 = Charset.forName("cp866");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSberRegistryInCp866MovesBalancesByExactlyItsAmounts() throws Exception {
        Api api = new Api(port);
        String a = Uploads.open(api);
        String b = Uploads.open(api);
        int op = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        // Line 3 has a date that does not exist: it fails alone, and still counts in the control line.
        String registry = """
                20-11-2026;10-15-32;8626;00012;%3$d;%1$s;ИВАНОВА МАРИЯ ПЕТРОВНА;Г.МОСКВА, УЛ.ЛЕНИНА, 1-5;1026;1 000,50
                21-11-2026;11-02-07;8626;00012;%4$d;%2$s;ПЕТРОВ ПЁТР;Г.МОСКВА, УЛ.ЛЕНИНА, 3-7;1026;250,25
                31-11-2026;11-30-00;8626;00012;%5$d;%2$s;ПЕТРОВ ПЁТР;Г.МОСКВА, УЛ.ЛЕНИНА, 3-7;1026;99,00
                21.11.2026;12-00-00;8626;00013;%3$d;%1$s;ИВАНОВА М.П.;Г.МОСКВА, УЛ.ЛЕНИНА, 1-5;1026;0,50
                =4;1350,25
                """.formatted(a, b, op, op + 1, op + 2);

        HttpResponse<String> response = upload("?profile=sber&fileName=sber.txt", registry.getBytes(CP866));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = Uploads.awaitCompleted(api, response.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("registryProfile").asText()).isEqualTo("sber");
        assertThat(Charset.forName(job.get("charset").asText())).isEqualTo(CP866);
        assertThat(job.get("linesTotal").asInt()).isEqualTo(4);
        assertThat(job.get("linesDone").asInt()).isEqualTo(3);
        assertThat(job.get("firstErrors")).extracting(e -> e.get("line").asInt() + ":" + e.get("code").asText()
                + ":" + e.get("reason").asText()).containsExactly("3:INVALID_LINE:value date must be DD-MM-YYYY or DD.MM.YYYY");
        // 1 000,50 + 0,50 and 250,25: kopeck for kopeck, the failed line's 99,00 recorded nowhere.
        Uploads.awaitBalance(api, a, "-1001.00");
        Uploads.awaitBalance(api, b, "-250.25");
        assertThat(jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentRecorded'
                """, String.class, a)).anySatisfy(payload -> assertThat(payload)
                .contains("\"paymentId\":\"SB/20-11-2026/8626/00012/" + op + "\"").contains("\"amount\":\"1000.50\""));
        assertThat(jdbc.queryForObject("SELECT raw FROM bulk_job_line WHERE job_id = ?::uuid AND line_no = 2",
                String.class, job.get("jobId").asText())).contains("ПЕТРОВ ПЁТР");
        Api.Response report = api.get(job.get("errorReport").asText(), "finance");
        assertThat(report.body().lines()).hasSize(2).last().asString().startsWith("3," + b + ",SB/31-11-2026/8626/00012/");
    }

    @Test
    void aSberRegistryWhoseFooterDoesNotMatchIsRefusedWhole() throws Exception {
        Api api = new Api(port);
        String a = Uploads.open(api);
        int op = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        String lines = "20-11-2026;10-15-32;8626;00012;%2$d;%1$s;ИВАНОВА;АДРЕС;1026;100,00\n".formatted(a, op);
        Integer jobsBefore = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);

        HttpResponse<String> wrongTotal = upload("?profile=sber", (lines + "=1;100,01\n").getBytes(CP866));
        HttpResponse<String> wrongCount = upload("?profile=sber", (lines + "=2;100,00\n").getBytes(CP866));
        HttpResponse<String> noFooter = upload("?profile=sber", lines.getBytes(CP866));
        // The default profile's control line is not this profile's: =;1;100,00 reads as count "" here.
        HttpResponse<String> otherLayout = upload("?profile=sber", (lines + "=;1;100,00\n").getBytes(CP866));
        // A charset the upload declares wins over the profile's: cp866 Cyrillic is not valid UTF-8.
        HttpResponse<String> declaredUtf8 = Uploads.upload(port, "/api/v1/payment-registries?profile=sber",
                (lines + "=1;100,00\n").getBytes(CP866), "text/csv; charset=UTF-8");

        assertProblem(wrongTotal, 422, "CONTROL_MISMATCH", "controlLine.total");
        assertThat(JSON.readTree(wrongTotal.body()).get("errors").get(0).get("reason").asText())
                .isEqualTo("says 100.01, the payments add up to 100.00");
        assertProblem(wrongCount, 422, "CONTROL_MISMATCH", "controlLine.count");
        assertProblem(noFooter, 422, "CONTROL_LINE_MISSING", "controlLine");
        assertThat(JSON.readTree(noFooter.body()).get("detail").asText())
                .isEqualTo("a registry in profile sber ends with the control line =count;total");
        assertProblem(otherLayout, 422, "CONTROL_MISMATCH", "line 2");
        assertProblem(declaredUtf8, 422, "UNREADABLE_FILE", "charset");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobsBefore);
        assertThat(Uploads.balance(api, a)).isEqualTo("0.00");
    }

    @Test
    void anUnknownProfileIsABadRequestNamingTheKnownOnes() throws Exception {
        Integer jobsBefore = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);

        HttpResponse<String> response = upload("?profile=vtb", "R-1;77-0001-2345;1,00;20.11.2026\n=;1;1,00\n"
                .getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 400, "INVALID_REQUEST", "profile");
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("reason").asText())
                .isEqualTo("is not a known registry profile; known profiles: default, sber");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobsBefore);
    }

    @Test
    void theProfilesAreListedAndAnUploadWithoutOneIsReadInTheDefault() throws Exception {
        Api api = new Api(port);
        Api.Response list = api.get("/api/v1/registry-profiles", "finance");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("defaultProfile").asText()).isEqualTo("default");
        assertThat(list.json().get("profiles").findValuesAsString("name")).containsExactly("default", "sber");
        JsonNode sber = list.json().get("profiles").get(1).get("layout");
        assertThat(sber.get("encoding").asText()).isEqualTo("cp866");
        assertThat(sber.get("columns").get("amount").asInt()).isEqualTo(10);
        assertThat(sber.get("control").get("marker").asText()).isEqualTo("=");

        String a = Uploads.open(api);
        HttpResponse<String> response = upload("", "D-%1$s;%1$s;12,34;20.11.2026\n=;1;12,34\n".formatted(a)
                .getBytes(StandardCharsets.UTF_8));
        JsonNode job = Uploads.awaitCompleted(api, response.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("registryProfile").asText()).isEqualTo("default");
        Uploads.awaitBalance(api, a, "-12.34");
    }

    private HttpResponse<String> upload(String query, byte[] body) throws Exception {
        return Uploads.upload(port, "/api/v1/payment-registries" + query, body, "text/csv");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.get("errors").findValuesAsString("field")).contains(field);
    }
}
