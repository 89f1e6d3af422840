package ru.utility.ledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * The console's role matrix, enforced on the server: for every role and every page and form, a page the role
 * may not use is missing from its navigation (absent) and answered 403 when asked for anyway (refused); the
 * others answer 200. Forms are posted with a valid CSRF token, so a refusal is the role's, not the token's.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTest {

    @LocalServerPort
    int port;

    private String account;

    /** Which roles may open each page (GET), with the navigation link that leads there, if any. */
    private record Page(String path, String navId, Set<String> roles) {
    }

    private static final Set<String> ALL = Set.of("operator", "finance", "auditor", "admin");

    private List<Page> pages() {
        return List.of(
                new Page("/console", null, ALL),
                new Page("/console/accounts", "nav-accounts", Set.of("operator", "finance", "auditor")),
                new Page("/console/accounts/" + account, null, Set.of("operator", "finance", "auditor")),
                new Page("/console/accounts/" + account + "/statement.csv?from=2026-01-01&to=2026-01-31", null,
                        Set.of("finance", "auditor")),
                new Page("/console/accounts/" + account + "/history", null, Set.of("auditor")),
                new Page("/console/overdue", "nav-overdue", Set.of("finance", "auditor", "admin")),
                new Page("/console/overdue.csv", null, Set.of("finance", "auditor", "admin")),
                new Page("/console/relief", "nav-relief", Set.of("operator", "finance", "auditor")),
                new Page("/console/jobs", "nav-jobs", Set.of("operator", "finance", "admin")),
                new Page("/console/reports", "nav-reports", Set.of("finance", "auditor")),
                new Page("/console/reports/reconciliation?accountId=" + account + "&from=2026-01-01&to=2026-01-31", null,
                        Set.of("finance", "auditor")),
                new Page("/console/reports/turnover?from=2026-01-01&to=2026-01-31", null, Set.of("finance", "auditor")),
                new Page("/console/reports/turnover.csv?from=2026-01-01&to=2026-01-31", null,
                        Set.of("finance", "auditor")),
                new Page("/console/admin", "nav-admin", Set.of("admin")));
    }

    /** The write forms: only operators (and admins for replays) may post them. */
    private Map<String, Set<String>> forms() {
        return Map.of(
                "/console/accounts/" + account + "/charges", Set.of("operator"),
                "/console/accounts/" + account + "/payments", Set.of("operator"),
                "/console/accounts/" + account + "/reversals", Set.of("operator"),
                "/console/accounts/" + account + "/enrolments", Set.of("operator"),
                "/console/accounts/" + account + "/deferrals", Set.of("operator"),
                "/console/accounts/" + account + "/plans", Set.of("operator"),
                "/console/relief", Set.of("operator"),
                "/console/relief/NO-SUCH-PROGRAMME/closure", Set.of("operator"),
                "/console/jobs", Set.of("operator"),
                "/console/admin/projections/no-such-projection/replay", Set.of("admin"));
    }

    @BeforeAll
    void openAccount() {
        account = Api.newAccountId();
        Api api = new Api(port);
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Console Security", "regionCode": "77", "openedOn": "2026-01-01"}"""
                .formatted(account)).status()).isEqualTo(201);
        // The account page reads the balances projection.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/accounts/" + account, "finance")
                .status() == 200);
    }

    @Test
    void everyRoleSeesAndReachesOnlyItsPages() {
        for (String role : List.of("operator", "finance", "auditor", "admin", "integration")) {
            ConsoleSession session = new ConsoleSession(port);
            session.signIn(role, role);
            String start = session.get("/console").body();
            for (Page page : pages()) {
                int status = session.get(page.path()).statusCode();
                boolean allowed = page.roles().contains(role);
                assertThat(status).as("%s GET %s", role, page.path()).isEqualTo(allowed ? 200 : 403);
                if (page.navId() != null && !"integration".equals(role)) {
                    assertThat(start.contains("id=\"" + page.navId() + "\"")).as("%s sees %s", role, page.navId())
                            .isEqualTo(allowed);
                }
            }
        }
    }

    @Test
    void writeFormsAreAbsentAndRefusedForEveryRoleButTheirs() {
        for (String role : List.of("operator", "finance", "auditor", "admin", "integration")) {
            ConsoleSession session = new ConsoleSession(port);
            session.signIn(role, role);
            if (!"integration".equals(role) && !"admin".equals(role)) {
                String page = session.get("/console/accounts/" + account).body();
                assertThat(page.contains("id=\"write-forms\"")).as("%s sees the write forms", role)
                        .isEqualTo("operator".equals(role));
                assertThat(page.contains("id=\"form-charge\"")).isEqualTo("operator".equals(role));
            }
            for (Map.Entry<String, Set<String>> form : forms().entrySet()) {
                int status = session.postWithToken(form.getKey(), Map.of()).statusCode();
                if (form.getValue().contains(role)) {
                    // Allowed: the empty form is refused for its content (or the replay redirects), never 403.
                    assertThat(status).as("%s POST %s", role, form.getKey()).isNotEqualTo(403);
                } else {
                    assertThat(status).as("%s POST %s", role, form.getKey()).isEqualTo(403);
                }
            }
        }
        // Nothing any refused or empty form sent reached the account.
        assertThat(new Api(port).get("/api/v1/accounts/" + account + "/balance", "finance").json()
                .get("totalCharged").asString()).isEqualTo("0.00");
    }

    @Test
    void signingInNeedsTheRightPasswordAndAFormWithoutCsrfIsRefused() {
        ConsoleSession session = new ConsoleSession(port);
        HttpResponse<String> wrong = session.signIn("finance", "not-the-password");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(session.get("/console").statusCode()).isEqualTo(302);

        HttpResponse<String> right = session.signIn("operator", "operator");
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(session.post("/console/accounts/" + account + "/charges",
                Map.of("billingPeriod", "2026-01", "amount", "10.00")).statusCode()).isEqualTo(403);
        // The API keeps HTTP Basic without a session or CSRF.
        assertThat(new Api(port).get("/api/v1/accounts/" + account, "operator").status()).isEqualTo(200);
    }
}
