package ru.utility.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/** Every endpoint against every role: 401 without credentials, 403 for a wrong role, through otherwise. */
@LedgerIntegrationTest
class SecurityMatrixTest {

    static final String ACCOUNT = "SEC-MATRIX-1";
    static final String PAYMENT_BODY = """
            {"paymentId": "SEC-%s", "amount": "1.00", "channel": "CASH_OFFICE", "receivedOn": "2026-11-20"}""";

    record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/accounts", """
                    {"accountId": "SEC-%s", "holderName": "Petrov", "regionCode": "50"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT, null, Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/balance", null, Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/charges", """
                    {"chargeId": "SEC-%s", "billingPeriod": "2026-10", "amount": "1.00"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/payments", PAYMENT_BODY, Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/payments/SEC-base/reversal", """
                    {"reason": "Recall %s"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/SEC-CLOSE-%s/closure", "{}", Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/balance?asOf=2026-11-25", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/events", null, Set.of("auditor", "admin")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/events/export", null, Set.of("auditor", "admin")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/integrity", null, Set.of("auditor", "admin")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/statement?from=2026-01-01&to=2026-12-31", null,
                    Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/reconciliation?from=2024-01-01&to=2024-12-31", null,
                    Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/reports/turnover?from=2024-01-01&to=2024-01-31&limit=1", null,
                    Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/reports/turnover?from=2024-01-01&to=2024-01-31&region=01&format=csv", null,
                    Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/overdue?limit=1", null, Set.of("finance", "auditor", "admin")),
            new Endpoint("GET", "/api/v1/restriction-candidates?limit=1", null, Set.of("finance", "auditor", "admin")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/restriction-notices", """
                    {"noticeId": "SEC-%s"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/restriction-notices/SEC-NOTICE/delivery", """
                    {"channel": "IN_PERSON"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/household-type", """
                    {"householdType": "APARTMENT_GAS_STOVE"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/consumption-norms", """
                    {"regionCode": "50", "householdType": "HOUSE_ELECTRIC_HEATING", "effectiveFrom": "2016-01-01",
                     "monthlyKwh": "1", "tariff": "1.00", "source": "Security matrix %s"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/consumption-norms?region=50", null,
                    Set.of("operator", "finance", "auditor", "admin")),
            new Endpoint("GET", "/api/v1/admin/projections", null, Set.of("admin")),
            // An unknown name: the rule is checked without replaying a live projection under other tests.
            new Endpoint("POST", "/api/v1/admin/projections/no-such-projection/replay", null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/admin/projections/replay-check", null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/feed?limit=1", null, Set.of("integration", "admin")),
            new Endpoint("POST", "/api/v1/billing-runs", "SEC-%s,2026-10,1.00,1", Set.of("operator")),
            new Endpoint("POST", "/api/v1/payment-registries", "SEC-%s;SEC-MATRIX-1;1.00;2026-11-20\n=;1;1.00",
                    Set.of("operator")),
            new Endpoint("GET", "/api/v1/jobs/4b0c6a3e-0000-4000-8000-000000000000", null,
                    Set.of("operator", "finance", "admin")),
            new Endpoint("GET", "/api/v1/registry-profiles", null, Set.of("operator", "finance", "admin")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/payments/SEC-base/allocations", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/charges/SEC-CHARGE/allocations", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/penalty", null, Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/penalty-calculation?format=html", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/penalty-accruals", "{}", Set.of("operator")),
            new Endpoint("POST", "/api/v1/penalty-runs", """
                    {"asOf": "2026-11-25", "accountIds": ["%s"]}""".formatted(ACCOUNT), Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/social-categories", """
                    {"category": "PENSIONER", "documentReference": "SEC %s"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/social-categories/DISABLED/revocation", """
                    {"reason": "SEC %s"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/social-categories", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/programmes", """
                    {"programId": "SEC-%s", "name": "Discount", "kind": "DISCOUNT", "activeFrom": "2026-01-01", "percent": "1"}""",
                    Set.of("operator")),
            new Endpoint("POST", "/api/v1/programmes/SEC-PROGRAM/closure", """
                    {"closedOn": "2026-06-30", "reason": "SEC %s"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/programmes/SEC-PROGRAM", null, Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/programmes/SEC-PROGRAM/enrolments", """
                    {"accountId": "%s"}""".formatted(ACCOUNT), Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/enrolments", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/relief-programs/SEC-PROGRAM/statistics?groupBy=region", null,
                    Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/relief-programs/statistics", null, Set.of("finance", "auditor")),
            new Endpoint("GET", "/api/v1/overdue?limit=1&inRelief=true&restrictionEligible=false", null,
                    Set.of("finance", "auditor", "admin")),
            new Endpoint("POST", "/api/v1/programmes/SEC-PROGRAM/amnesty-reviews", "{}", Set.of("operator")),
            new Endpoint("GET", "/api/v1/programmes/SEC-PROGRAM/budget", null, Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/discount-claims", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/deferrals", """
                    {"deferralId": "SEC-%s", "programId": "SEC-PROGRAM", "months": "1"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/deferrals/SEC-%s/end", """
                    {"reason": "SEC"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/deferrals", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/deferrals/SEC-NONE", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/installment-plans", """
                    {"planId": "SEC-%s", "programId": "SEC-PROGRAM", "installments": "3"}""", Set.of("operator")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/installment-plans", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("GET", "/api/v1/accounts/" + ACCOUNT + "/installment-plans/SEC-NONE", null,
                    Set.of("operator", "finance", "auditor")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/installment-reviews", "{}", Set.of("operator")),
            new Endpoint("POST", "/api/v1/installment-reviews", """
                    {"accountIds": ["%s"]}""".formatted(ACCOUNT), Set.of("operator")),
            new Endpoint("POST", "/api/v1/accounts/" + ACCOUNT + "/charges/SEC-CHARGE/corrections", """
                    {"correctionId": "SEC-%s", "difference": "1.00", "reason": "Recalculation"}""", Set.of("operator")),
            new Endpoint("POST", "/api/v1/admin/due-date-corrections", """
                    {"accountIds": ["%s"]}""".formatted(ACCOUNT), Set.of("admin")),
            // An unknown account: the admin's answer is 404, after the role check let it through.
            new Endpoint("POST", "/api/v1/accounts/SEC-ERASE-%s/personal-data/erasure", """
                    {"reason": "Matrix %s"}""", Set.of("admin")),
            new Endpoint("GET", "/actuator/prometheus", null, Set.of("admin")),
            new Endpoint("GET", "/actuator/metrics", null, Set.of("admin")));

    static final List<String> USERS = List.of("operator", "finance", "auditor", "integration", "admin");

    @LocalServerPort
    int port;
    Api api;

    /** The fixtures every row may touch, created once per run (the shared context outlives this class). */
    private static boolean fixturesCreated;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        if (fixturesCreated) {
            return;
        }
        fixturesCreated = true;
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Sidorov", "regionCode": "50", "openedOn": "2026-01-01"}"""
                .formatted(ACCOUNT));
        api.post("/api/v1/accounts/" + ACCOUNT + "/payments", "operator", PAYMENT_BODY.formatted("base"));
        api.post("/api/v1/accounts/" + ACCOUNT + "/charges", "operator", """
                {"chargeId": "SEC-CHARGE", "billingPeriod": "2026-10", "amount": "1.00"}""");
        api.post("/api/v1/programmes", "operator", """
                {"programId": "SEC-PROGRAM", "name": "Matrix", "kind": "PENALTY_AMNESTY", "activeFrom": "2026-01-01",
                 "amnestyMonthsPaidInFull": 2}""");
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            cases.add(Arguments.of(endpoint, null));
            for (String user : USERS) {
                cases.add(Arguments.of(endpoint, user));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void enforcesTheRoleMatrix(Endpoint endpoint, String user) {
        String unique = Long.toString(System.nanoTime(), 36).toUpperCase();
        String path = endpoint.path().formatted(unique);
        String body = endpoint.body() == null ? null : endpoint.body().formatted(unique);

        Api.Response response = api.send(endpoint.method(), path, user, body);

        if (user == null) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        } else if (endpoint.allowed().contains(user)) {
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
        }
        if (response.status() == 401 || response.status() == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void wrongPasswordIs401AndHealthAndApiDocsArePublic() {
        Api.Response wrong = api.send("GET", "/api/v1/accounts/" + ACCOUNT, "nobody", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/accounts/{accountId}/payments");
        Api.Response swagger = api.get("/swagger-ui/index.html", null);
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.body()).contains("Swagger UI");
    }
}
