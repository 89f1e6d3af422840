package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/**
 * Writes cannot come from another site's form (issue 15): what a form or a script's simple request can send
 * (no Content-Type, a form type, text/plain) is refused with 415 and changes nothing, body-less writes included.
 */
@LedgerIntegrationTest
class CrossSiteWriteTest {

    static final String[] FORM_TYPES = {null, "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
            "text/plain", "text/plain; charset=UTF-8"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bodylessWritesNeedAContentTypeNoFormCanSend() throws Exception {
        Api api = new Api(port);
        String account = Api.newAccountId();
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Csrf", "regionCode": "77", "openedOn": "%s"}"""
                .formatted(account, TestDates.today())).status()).isEqualTo(201);
        long events = events(account);
        for (String type : FORM_TYPES) {
            assertRefused(post("/api/v1/accounts/" + account + "/closure", "operator", type, ""));
            assertRefused(post("/api/v1/admin/projections/statements/replay", "admin", type, ""));
            assertRefused(post("/api/v1/admin/projections/replay-check", "admin", type, ""));
            assertRefused(post("/api/v1/penalty-runs", "operator", type, "{\"accountIds\": [\"" + account + "\"]}"));
            // Before any credentials are looked at: a cross-site form learns nothing, not even a 401.
            assertRefused(post("/api/v1/accounts/" + account + "/closure", null, type, ""));
        }
        assertThat(events(account)).isEqualTo(events);
        assertThat(api.get("/api/v1/admin/projections", "admin").json().toString()).doesNotContain("REPLAYING");
        // The same closure with the API's content type goes through (the account owes nothing).
        HttpResponse<String> closed = post("/api/v1/accounts/" + account + "/closure", "operator",
                "application/json", "");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(events(account)).isEqualTo(events + 1);
    }

    @Test
    void aRegistryPostedAsTextOrAsAFormIsRefusedWith415AndNotStored() throws Exception {
        String registry = "ACC-1;100.00;2026-11-20;REF-1\n=;1;100.00\n";
        Integer jobs = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class);
        for (String type : FORM_TYPES) {
            assertRefused(post("/api/v1/payment-registries", "operator", type, registry));
            assertRefused(post("/api/v1/billing-runs", "operator", type, "accountId,period,amount,kWh\n"));
        }
        for (String type : new String[]{"application/json", "application/octet-stream", "text/tab-separated-values"}) {
            HttpResponse<String> refused = post("/api/v1/payment-registries", "operator", type, registry);
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Integer.class)).isEqualTo(jobs);
    }

    private long events(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, account);
    }

    private HttpResponse<String> post(String path, String user, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("CONTENT_TYPE_REQUIRED");
    }
}
