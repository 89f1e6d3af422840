package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionTemplate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;

/**
 * Projection status and lag, replay with progress, and replay-equals-live after a randomised workload (charges,
 * payments, reversals, recalculations, relief of every kind, a due-date correction).
 */
@LedgerIntegrationTest
class ProjectionsAdminTest {

    static final long SEED = 20261125L;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void replayEqualsLiveAfterARandomWorkloadAndCatchesADivergentRow() {
        Api api = new Api(port);
        List<String> accounts = randomWorkload(api, new Random(SEED));
        dueDateCorrections(api, accounts);
        penaltySettlements(api, accounts);
        awaitCaughtUp(api);

        JsonNode report = replayCheck(api);
        assertThat(report.get("equal").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("tables")).hasSize(16);
        for (JsonNode table : report.get("tables")) {
            assertThat(table.get("liveRows").asLong()).isPositive().isEqualTo(table.get("shadowRows").asLong());
            assertThat(table.get("liveChecksum").asString()).isEqualTo(table.get("shadowChecksum").asString());
        }

        // A live row that the events do not explain is reported, by key.
        String victim = accounts.getFirst();
        jdbc.update("UPDATE account_balance SET balance_kopecks = balance_kopecks + 1 WHERE account_id = ?", victim);
        try {
            JsonNode diverged = replayCheck(api);
            assertThat(diverged.get("equal").asBoolean()).isFalse();
            JsonNode balances = diverged.get("tables").get(0);
            assertThat(balances.get("table").asString()).isEqualTo("account_balance");
            assertThat(balances.get("differenceCount").asLong()).isEqualTo(1);
            assertThat(balances.get("differences").get(0).get("key").asString()).isEqualTo(victim);
            assertThat(balances.get("differences").get(0).get("kind").asString()).isEqualTo("DIFFERENT");
            for (int i = 1; i < diverged.get("tables").size(); i++) {
                assertThat(diverged.get("tables").get(i).get("differenceCount").asLong()).isZero();
            }
        } finally {
            jdbc.update("UPDATE account_balance SET balance_kopecks = balance_kopecks - 1 WHERE account_id = ?", victim);
        }
    }

    @Test
    void statusShowsPositionHeadAndLagAndAReplayRebuildsWithProgressWhileTheApiServes() {
        Api api = new Api(port);
        List<String> accounts = randomWorkload(api, new Random(SEED + 1));
        awaitCaughtUp(api);
        JsonNode before = api.get("/api/v1/accounts/" + accounts.getFirst() + "/statement?from=2026-01-01&to=2099-12-31",
                "finance").json();

        Api.Response started = api.post("/api/v1/admin/projections/statements/replay", "admin", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("replay").get("total").asLong()).isPositive();
        // The API keeps serving meanwhile, writes included. (In the shared layout the balances are rebuilt with the
        // statements; the as-of balance, computed from the events, answers in either layout.)
        assertThat(api.get("/api/v1/accounts/" + accounts.getFirst() + "/balance?asOf=" + TestDates.today(),
                "finance").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/accounts/" + accounts.getFirst() + "/payments", "operator", """
                {"paymentId": "DURING-REPLAY", "amount": "1.00", "channel": "WEB_CABINET", "receivedOn": "2026-11-25"}""")
                .status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode statements = projection(api, "statements");
            JsonNode replay = statements.get("replay");
            assertThat(replay.get("finished").asBoolean()).as(statements.toString()).isTrue();
            assertThat(replay.get("processed").asLong()).isEqualTo(replay.get("total").asLong());
            assertThat(replay.get("ratePerSecond").asDouble()).isPositive();
            assertThat(statements.get("lagEvents").asLong()).isZero();
        });
        JsonNode after = api.get("/api/v1/accounts/" + accounts.getFirst() + "/statement?from=2026-01-01&to=2099-12-31",
                "finance").json();
        assertThat(after.get("movements").size()).isEqualTo(before.get("movements").size() + 1);
        // The other projections may still be applying the payment made during the replay.
        await().atMost(Duration.ofSeconds(30)).until(() -> replayCheck(api).get("equal").asBoolean());

        Api.Response prometheus = api.get("/actuator/prometheus", "admin");
        assertThat(prometheus.body()).contains("ledger_projection_lag_events{", "processor=\"statements\"")
                .contains("ledger_projection_lag_seconds");
        // The relief saga is shown with the projections but never replayed: it would send its commands again.
        assertThat(projection(api, "relief-enrolment").get("state").asString()).isEqualTo("RUNNING");
        Api.Response saga = api.post("/api/v1/admin/projections/relief-enrolment/replay", "admin", null);
        assertThat(saga.status()).as(saga.toString()).isEqualTo(409);
        assertThat(saga.json().get("code").asString()).isEqualTo("REPLAY_REFUSED");
        Api.Response unknown = api.post("/api/v1/admin/projections/nope/replay", "admin", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_PROJECTION");
    }

    /** Opens a few accounts and sends a random mix of charges, payments, repeats and reversals. */
    static List<String> randomWorkload(Api api, Random random) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = Api.newAccountId();
            assertThat(api.post("/api/v1/accounts", "operator", """
                    {"accountId": "%s", "holderName": "Random %d", "regionCode": "%02d", "openedOn": "2026-01-10"}"""
                    .formatted(id, i, 1 + random.nextInt(99))).status()).isEqualTo(201);
            accounts.add(id);
        }
        List<String[]> payments = new ArrayList<>();
        List<String[]> charges = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            String amount = (1 + random.nextInt(500_000)) / 100 + "." + String.format("%02d", random.nextInt(100));
            switch (random.nextInt(4)) {
                case 0 -> {
                    api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                            {"chargeId": "C-%d", "billingPeriod": "2026-%02d", "amount": "%s"}"""
                            .formatted(step, 1 + random.nextInt(11), amount));
                    charges.add(new String[] {account, "C-" + step});
                }
                case 1, 2 -> {
                    String paymentId = "P-" + step;
                    api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                            {"paymentId": "%s", "amount": "%s", "channel": "AUTOPAY", "receivedOn": "2026-%02d-%02d"}"""
                            .formatted(paymentId, amount, 2 + random.nextInt(9), 1 + random.nextInt(28)));
                    payments.add(new String[] {account, paymentId});
                }
                default -> {
                    if (!payments.isEmpty()) {
                        String[] payment = payments.get(random.nextInt(payments.size()));
                        api.post("/api/v1/accounts/" + payment[0] + "/payments/" + payment[1] + "/reversal", "operator",
                                "{\"reason\": \"Recall\", \"reversedOn\": \"2026-11-25\"}");
                    }
                }
            }
        }
        // Recalculations up and down: a decrease may release paid principal as credit, an increase is a debt of its
        // own; one taking a charge below zero is refused and records nothing.
        for (int i = 0; i < 8 && !charges.isEmpty(); i++) {
            String[] charge = charges.get(random.nextInt(charges.size()));
            String difference = (random.nextBoolean() ? "-" : "") + (1 + random.nextInt(3000)) + "." + String.format("%02d",
                    random.nextInt(100));
            Api.Response corrected = api.post("/api/v1/accounts/" + charge[0] + "/charges/" + charge[1] + "/corrections",
                    "operator", """
                    {"correctionId": "R-%d", "difference": "%s", "reason": "Random recalculation"}"""
                    .formatted(i, difference));
            assertThat(corrected.status()).as(corrected.toString()).isIn(201, 422);
        }
        // Deferrals: one running, one ended early, so the overdue projection's moved due dates are compared.
        String deferralProgramme = ("DEFRND-" + accounts.getFirst()).substring(0, Math.min(32, 7 + accounts.getFirst().length()));
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Random deferral", "kind": "DEFERRAL", "activeFrom": "2026-01-01",
                 "maxDeferralMonths": 3}""".formatted(deferralProgramme)).status()).isEqualTo(201);
        for (int i = 3; i < 5; i++) {
            String account = accounts.get(i);
            api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                    {"chargeId": "DC-%d", "billingPeriod": "2026-0%d", "amount": "%d.%02d"}"""
                    .formatted(i, 1 + random.nextInt(9), 1 + random.nextInt(5000), random.nextInt(100)));
            assertThat(api.post("/api/v1/programmes/" + deferralProgramme + "/enrolments", "operator", """
                    {"accountId": "%s", "enrolledOn": "2026-11-01"}""".formatted(account)).status()).isEqualTo(201);
            Api.Response granted = api.post("/api/v1/accounts/" + account + "/deferrals", "operator", """
                    {"deferralId": "D-%d", "programId": "%s", "grantedOn": "2026-11-%02d", "months": "%d"}"""
                    .formatted(i, deferralProgramme, 2 + random.nextInt(20), 1 + random.nextInt(3)));
            assertThat(granted.status()).as(granted.toString()).isIn(201, 422);
        }
        api.post("/api/v1/accounts/" + accounts.get(4) + "/deferrals/D-4/end", "operator", """
                {"endedOn": "2026-11-24", "reason": "Income restored"}""");
        // An installment plan on account 5, reviewed (misses, perhaps a default) and partly paid.
        String instalmentProgramme = ("INSRND-" + accounts.getFirst()).substring(0, Math.min(32, 7 + accounts.getFirst().length()));
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Random plan", "kind": "INSTALLMENT", "activeFrom": "2026-01-01",
                 "minInstallments": 2, "maxInstallments": 6, "missesBeforeDefault": %d}"""
                .formatted(instalmentProgramme, 1 + random.nextInt(3))).status()).isEqualTo(201);
        String planned = accounts.get(5);
        api.post("/api/v1/accounts/" + planned + "/charges", "operator", """
                {"chargeId": "IC-1", "billingPeriod": "2026-03", "amount": "%d.%02d"}"""
                .formatted(100 + random.nextInt(5000), random.nextInt(100)));
        assertThat(api.post("/api/v1/programmes/" + instalmentProgramme + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-05-01"}""".formatted(planned)).status()).isEqualTo(201);
        Api.Response agreed = api.post("/api/v1/accounts/" + planned + "/installment-plans", "operator", """
                {"planId": "IP-1", "programId": "%s", "installments": "%d", "agreedOn": "2026-05-01"}"""
                .formatted(instalmentProgramme, 2 + random.nextInt(5)));
        assertThat(agreed.status()).as(agreed.toString()).isIn(201, 422);
        api.post("/api/v1/accounts/" + planned + "/payments", "operator", """
                {"paymentId": "IPAY-1", "amount": "%d.00", "channel": "AUTOPAY", "receivedOn": "2026-06-0%d"}"""
                .formatted(10 + random.nextInt(500), 1 + random.nextInt(9)));
        api.post("/api/v1/accounts/" + planned + "/installment-reviews", "operator", "{}");
        // Social categories, one of them revoked, so the overdue projection's category table is compared too.
        api.post("/api/v1/accounts/" + accounts.get(0) + "/social-categories", "operator", """
                {"category": "PENSIONER", "validFrom": "2026-02-01", "documentReference": "Pension 1"}""");
        api.post("/api/v1/accounts/" + accounts.get(1) + "/social-categories", "operator", """
                {"category": "DISABLED", "validFrom": "2026-02-01", "documentReference": "Certificate 2"}""");
        api.post("/api/v1/accounts/" + accounts.get(1) + "/social-categories/DISABLED/revocation", "operator", """
                {"revokedOn": "2026-10-01", "reason": "Expired"}""");
        // Its holder's data erased: live, the projections drop name and categories; a replay never sees them.
        assertThat(api.post("/api/v1/accounts/" + accounts.get(1) + "/personal-data/erasure", "admin", """
                {"reason": "Random workload"}""").status()).isEqualTo(201);
        api.post("/api/v1/accounts/" + accounts.get(2) + "/restriction-notices", "operator", """
                {"noticeId": "N-1", "sentOn": "2026-11-02"}""");
        api.post("/api/v1/accounts/" + accounts.get(2) + "/restriction-notices/N-1/delivery", "operator", """
                {"deliveredOn": "2026-11-04", "channel": "TEXT_MESSAGE"}""");
        api.post("/api/v1/accounts/" + accounts.get(2) + "/household-type", "operator", """
                {"householdType": "HOUSE_ELECTRIC_STOVE", "setOn": "2026-02-01"}""");
        // Relief: a discount enrolment that discounts a charge, a compensation, a programme closed afterwards.
        String unique = accounts.get(0).substring(2, 14);
        String discount = "RND-D-" + unique;
        String compensation = "RND-C-" + unique;
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Random discount", "kind": "DISCOUNT", "activeFrom": "2026-01-01",
                 "categories": ["PENSIONER"], "percent": "%d"}""".formatted(discount, 5 + random.nextInt(40)))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Random compensation", "kind": "COMPENSATION", "activeFrom": "2026-01-01",
                 "percent": "%d"}""".formatted(compensation, 10 + random.nextInt(80))).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/" + discount + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-03-01"}""".formatted(accounts.get(0))).status()).isEqualTo(201);
        api.post("/api/v1/accounts/" + accounts.get(0) + "/charges", "operator", """
                {"chargeId": "ENERGY-2026-11", "billingPeriod": "2026-11", "amount": "%d.%02d"}"""
                .formatted(1 + random.nextInt(5000), random.nextInt(100)));
        api.post("/api/v1/accounts/" + accounts.get(3) + "/charges", "operator", """
                {"chargeId": "RELIEF-BASE", "billingPeriod": "2026-05", "amount": "%d.00"}""".formatted(100 + random.nextInt(900)));
        assertThat(api.post("/api/v1/programmes/" + compensation + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-06-01"}""".formatted(accounts.get(3))).status()).isEqualTo(201);
        api.post("/api/v1/programmes/" + compensation + "/closure", "operator", """
                {"closedOn": "2026-07-01", "reason": "Random"}""");
        reliefWorkload(api, accounts);
        // A budgeted discount (credited by the relief saga) and one the budget refuses, then the closure.
        String program = "PRG-" + accounts.get(3);
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Random discount", "kind": "DISCOUNT", "activeFrom": "2026-01-01",
                 "percent": "10", "budget": "15.00"}""".formatted(program)).status()).isEqualTo(201);
        for (String account : List.of(accounts.get(3), accounts.get(4))) {
            assertThat(api.post("/api/v1/programmes/" + program + "/enrolments", "operator", """
                    {"accountId": "%s", "enrolledOn": "2026-11-20"}""".formatted(account)).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                    {"billingPeriod": "2026-11", "amount": "100.00", "kwh": "400"}""").status()).isEqualTo(201);
        }
        // Closed only once both are decided: a claim dated on the closure day would be refused as outside the window.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/accounts/" + accounts.get(3) + "/discount-claims", "finance").body())
                    .contains("CREDITED");
            assertThat(api.get("/api/v1/accounts/" + accounts.get(4) + "/discount-claims", "finance").body())
                    .contains("REFUSED", "BUDGET_EXHAUSTED");
        });
        api.post("/api/v1/programmes/" + program + "/closure", "operator", """
                {"closedOn": "2026-11-25", "reason": "Random workload"}""");
        return accounts;
    }

    /**
     * A moratorium programme (closed on its first day, so it declares no moratorium for the other tests of
     * this JVM) and an amnesty that writes off an account's penalties, so the programme-moratoria table,
     * penalty accruals and write-offs are compared too.
     */
    static void reliefWorkload(Api api, List<String> accounts) {
        String id = Api.newAccountId();
        String moratorium = "MOR-" + id;
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Replay moratorium", "kind": "PENALTY_MORATORIUM", "activeFrom": "2016-01-04",
                 "activeTo": "2016-01-04"}"""
                .formatted(moratorium)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/" + moratorium + "/closure", "operator", """
                {"closedOn": "2016-01-04", "reason": "Replay check"}""").status()).isEqualTo(201);
        String amnesty = "AMN-" + id;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Amnesty", "regionCode": "77", "openedOn": "2026-01-10"}"""
                .formatted(id)).status()).isEqualTo(201);
        accounts.add(id);
        String base = "/api/v1/accounts/" + id;
        api.post(base + "/charges", "operator", "{\"billingPeriod\": \"2026-01\", \"amount\": \"1000.00\"}");
        api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Replay amnesty", "kind": "PENALTY_AMNESTY", "activeFrom": "2026-06-01",
                 "amnestyMonthsPaidInFull": 1}""".formatted(amnesty));
        api.post("/api/v1/programmes/" + amnesty + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-06-01"}""".formatted(id));
        api.post(base + "/charges", "operator", "{\"billingPeriod\": \"2026-06\", \"amount\": \"300.00\"}");
        api.post(base + "/payments", "operator", """
                {"paymentId": "AMN-P", "amount": "300.00", "channel": "AUTOPAY", "receivedOn": "2026-07-01",
                 "billingPeriod": "2026-06"}""");
        Api.Response review = api.post("/api/v1/programmes/" + amnesty + "/amnesty-reviews", "operator",
                "{\"asOf\": \"2026-11-25\"}");
        assertThat(review.json().get("accountsWrittenOff").asInt()).as(review.toString()).isEqualTo(1);
    }

    /**
     * An account whose April 2024 charge was recorded due 10 May 2024 (as before the production calendar knew the
     * day off): the admin run records DueDateCorrected, which the overdue and relief projections follow.
     */
    void dueDateCorrections(Api api, List<String> accounts) {
        AccountId account = AccountId.of(Api.newAccountId());
        transactions.executeWithoutResult(tx -> eventStore.publish(
                new GenericDomainEventMessage<>("Account", account.value(), 0,
                        new AccountOpened(account, "Replay Due", RegionCode.of("77"), LocalDate.of(2024, 1, 1)),
                        Map.of("actor", "replay-test")),
                new GenericDomainEventMessage<>("Account", account.value(), 1,
                        new ChargePosted(account, ChargeId.of("ENERGY-2024-04"), BillingPeriod.parse("2024-04"),
                                Money.parse("1000.00"), null, "Electricity for 2024-04", LocalDate.of(2024, 5, 10),
                                LocalDate.of(2024, 5, 1)),
                        Map.of("actor", "replay-test"))));
        JsonNode run = api.post("/api/v1/admin/due-date-corrections", "admin", """
                {"accountIds": ["%s"]}""".formatted(account.value())).json();
        assertThat(run.get("correctionsRecorded").asInt()).as(run.toString()).isEqualTo(1);
        accounts.add(account.value());
    }

    /** A payment that settles a penalty, then its reversal, so penalty settlements and their release are compared. */
    static void penaltySettlements(Api api, List<String> accounts) {
        String id = Api.newAccountId();
        String base = "/api/v1/accounts/" + id;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Penalty Payer", "regionCode": "77", "openedOn": "2023-01-01"}"""
                .formatted(id)).status()).isEqualTo(201);
        accounts.add(id);
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2023-06", "amount": "2400.00", "postedOn": "2023-07-01"}""").status()).isEqualTo(201);
        assertThat(api.post(base + "/penalty-accruals", "operator", "{\"asOf\": \"2023-12-31\"}").status())
                .isBetween(200, 201);
        assertThat(api.post(base + "/payments", "operator", """
                {"paymentId": "PEN-P", "amount": "2466.65", "channel": "AUTOPAY", "receivedOn": "2024-01-10"}""")
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/payments/PEN-P/reversal", "operator", """
                {"reason": "Replay check", "reversedOn": "2024-01-20"}""").status()).isEqualTo(201);
    }

    static void awaitCaughtUp(Api api) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response response = api.get("/api/v1/admin/projections", "admin");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode projection : response.json().get("projections")) {
                assertThat(projection.get("lagEvents").asLong()).as(projection.toString()).isZero();
                assertThat(projection.get("state").asString()).isEqualTo("RUNNING");
                assertThat(projection.get("position").asLong()).isEqualTo(projection.get("head").asLong());
            }
        });
    }

    private static JsonNode projection(Api api, String name) {
        for (JsonNode projection : api.get("/api/v1/admin/projections", "admin").json().get("projections")) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private static JsonNode replayCheck(Api api) {
        Api.Response response = api.post("/api/v1/admin/projections/replay-check", "admin", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
