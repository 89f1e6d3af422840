package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.SignedTokens;
import ru.utility.ledger.api.support.TestDates;

/**
 * The resource-server mode (issue 15): JWT bearer tokens beside Basic, roles from the configured claim, signed
 * locally with the suite's key (no issuer). And the METRICS role: the Prometheus scrape and nothing else.
 */
@LedgerIntegrationTest
class BearerTokenTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedTokenWithTheOperatorRoleWritesAndTheAuditLogNamesItsSubject() throws Exception {
        String token = SignedTokens.token("kc-user-17", Map.of("roles", List.of("operator")), later());
        String account = Api.newAccountId();
        HttpResponse<String> opened = send("POST", "/api/v1/accounts", token, """
                {"accountId": "%s", "holderName": "Token", "regionCode": "77", "openedOn": "%s"}"""
                .formatted(account, TestDates.today()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        // Basic goes on working beside it (the account is read from a projection: awaited).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new Api(port).get("/api/v1/accounts/" + account, "finance").status()).isEqualTo(200));
        // The operator's token reads no history: roles come from the token, nothing more.
        assertThat(send("GET", "/api/v1/accounts/" + account + "/events", token, null).statusCode()).isEqualTo(403);
        HttpResponse<String> events = send("GET", "/api/v1/accounts/" + account + "/events",
                SignedTokens.token("auditor-1", Map.of("roles", "AUDITOR"), later()), null);
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("kc-user-17");
    }

    @Test
    void expiredForgedOrRolelessTokensAreRefusedWithProblems() throws Exception {
        HttpResponse<String> expired = send("GET", "/api/v1/overdue?limit=1",
                SignedTokens.token("x", Map.of("roles", List.of("FINANCE")), Instant.parse("2021-01-01T00:00:00Z")), null);
        assertProblem(expired, 401);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey stranger = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        HttpResponse<String> forged = send("GET", "/api/v1/overdue?limit=1",
                SignedTokens.sign("x", Map.of("roles", List.of("FINANCE")), later(), stranger), null);
        assertProblem(forged, 401);
        assertProblem(send("GET", "/api/v1/overdue?limit=1", "not.a.jwt", null), 401);
        HttpResponse<String> roleless = send("GET", "/api/v1/overdue?limit=1",
                SignedTokens.token("x", Map.of("groups", List.of("FINANCE")), later()), null);
        assertProblem(roleless, 403);
        HttpResponse<String> unknownRole = send("GET", "/api/v1/overdue?limit=1",
                SignedTokens.token("x", Map.of("roles", List.of("SUPERUSER")), later()), null);
        assertProblem(unknownRole, 403);
    }

    @Test
    void theMetricsRoleReadsThePrometheusScrapeAndNothingElse() throws Exception {
        String token = SignedTokens.token("prometheus", Map.of("roles", List.of("METRICS")), later());
        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", token, null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("ledger_projection_lag_events");
        Api api = new Api(port);
        assertThat(api.get("/actuator/prometheus", "metrics").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", "admin").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", "operator").status()).isEqualTo(403);
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/api/v1/overdue",
                "/api/v1/accounts/ANY-1", "/api/v1/feed", "/api/v1/admin/projections", "/api/v1/jobs/x",
                "/api/v1/consumption-norms", "/api/v1/programmes/X")) {
            assertProblem(send("GET", path, token, null), 403);
            assertThat(api.get(path, "metrics").status()).as(path).isEqualTo(403);
        }
        assertProblem(send("POST", "/api/v1/accounts", token, "{}"), 403);
        // Health says UP or DOWN to anyone, its details only to ADMIN.
        HttpResponse<String> health = send("GET", "/actuator/health", token, null);
        assertThat(health.body()).doesNotContain("eventProcessors");
    }

    /**
     * Tokens are judged by the real clock (an issuer's clock), not the suite's: explicit instants far from any
     * day the suite may run on.
     */
    private static Instant later() {
        return Instant.parse("2099-12-31T00:00:00Z");
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
