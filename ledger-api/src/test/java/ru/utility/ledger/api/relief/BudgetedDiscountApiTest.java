package ru.utility.ledger.api.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.DrawBudget;

/**
 * A DISCOUNT programme with a budget, end to end through the REST API: each discount is drawn from the
 * budget by the relief saga before it is credited; once the budget runs out the account records why a
 * charge got no discount; closing the programme ends the enrolments, and later charges get nothing. The story
 * is told in November 2026 whatever day the suite runs: charges carry their posting dates.
 */
@LedgerIntegrationTest
class BudgetedDiscountApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Charges are billed on this day, inside the programme's window and after the enrolments. */
    private static final String BILLED_ON = "2026-11-20";

    @LocalServerPort
    int port;
    @Autowired
    AccountHistory history;
    @Autowired
    LedgerCommands commands;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void discountsAreDrawnFromTheBudgetUntilItRunsOutAndStopWhenTheProgrammeCloses() {
        String program = programId();
        launch(program, "25.00");
        String first = enrolledAccount(program);
        String second = enrolledAccount(program);
        String third = enrolledAccount(program);

        charge(first, "2026-10", "100.00");
        awaitClaim(first, "ENERGY-2026-10", "CREDITED");
        charge(second, "2026-10", "100.00");
        awaitClaim(second, "ENERGY-2026-10", "CREDITED");
        // 5.00 left: 10% of 100.00 does not fit, so the third account's discount is refused, and it says why.
        charge(third, "2026-10", "100.00");
        JsonNode refused = awaitClaim(third, "ENERGY-2026-10", "REFUSED");
        assertThat(refused.get("code").asString()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(refused.get("reason").asString()).contains("5.00", "10.00");
        assertThat(api.get("/api/v1/accounts/" + third + "/events", "auditor").body())
                .contains("DiscountClaimed", "DiscountRefused", "BUDGET_EXHAUSTED").doesNotContain("DiscountCredited");
        // A smaller discount still fits in what is left.
        charge(first, "2026-11", "40.00");
        awaitClaim(first, "ENERGY-2026-11", "CREDITED");
        JsonNode budget = api.get("/api/v1/programmes/" + program + "/budget", "finance").json();
        assertThat(budget.get("drawn").asString()).isEqualTo("24.00");
        assertThat(budget.get("left").asString()).isEqualTo("1.00");
        assertThat(budget.get("discountsPaid").asInt()).isEqualTo(3);
        assertThat(budget.get("discountsRefused").asInt()).isEqualTo(1);

        Api.Response closed = api.post("/api/v1/programmes/" + program + "/closure", "operator", """
                {"closedOn": "2026-11-25", "reason": "Budget year ended"}""");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        for (String account : List.of(first, second, third)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    api.get("/api/v1/accounts/" + account + "/enrolments", "finance").json().get(0).get("endedOn")
                            .asString()).isEqualTo("2026-11-25"));
        }
        // 10% of 5.00 would fit in the 1.00 left, but the enrolment has ended: no claim, no discount.
        charge(second, "2026-11", "5.00", "2026-11-26");
        assertThat(api.get("/api/v1/accounts/" + second + "/discount-claims", "finance").json().size()).isEqualTo(1);

        awaitBalance(first, "126.00", "14.00");
        awaitBalance(second, "95.00", "10.00");
        awaitBalance(third, "100.00", "0.00");
        // Every credit exactly once, in statements and on the feed. Each account's statement is awaited: the
        // statements projection runs in segments, so one account's lines say nothing of another's.
        await().atMost(WAIT).untilAsserted(() -> assertThat(discountLines(first)).isEqualTo(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(discountLines(second)).isEqualTo(1));
        assertThat(discountLines(third)).isZero();
        await().atMost(WAIT).untilAsserted(() -> assertThat(feedDiscounts(first)).isEqualTo(2));
        assertThat(feedDiscounts(second)).isEqualTo(1);
        assertThat(feedDiscounts(third)).isZero();
    }

    /** Twelve accounts charge at once against a budget for exactly five discounts: five are paid, seven refused. */
    @Test
    void concurrentChargesNeverOverspendTheBudget() throws Exception {
        String program = programId();
        launch(program, "50.00");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accounts.add(enrolledAccount(program));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> tasks = accounts.stream().<Callable<Integer>>map(a -> () -> api.post(
                    "/api/v1/accounts/" + a + "/charges", "operator", """
                            {"billingPeriod": "2026-10", "amount": "100.00", "postedOn": "%s"}""".formatted(BILLED_ON))
                    .status()).toList();
            for (Future<Integer> status : pool.invokeAll(tasks)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        ProgramId id = ProgramId.of(program);
        await().atMost(WAIT).until(() -> {
            var programme = history.program(id).orElseThrow();
            return programme.drawsGranted() + programme.drawsRefused() == 12;
        });
        var state = history.program(id).orElseThrow();
        assertThat(state.drawsGranted()).isEqualTo(5);
        assertThat(state.drawn()).isEqualTo(Money.parse("50.00"));
        assertThat(state.budgetLeft()).isEqualTo(Money.ZERO);
        List<String> outcomes = new ArrayList<>();
        for (String account : accounts) {
            outcomes.add(awaitDecided(account).get("status").asString());
        }
        assertThat(outcomes).filteredOn("CREDITED"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("REFUSED"::equals).hasSize(7);
        Money credited = accounts.stream().map(a -> history.debts(AccountId.of(a)).orElseThrow()
                        .payment(PaymentId.of("DISCOUNT:" + program + ":ENERGY-2026-10")))
                .flatMap(java.util.Optional::stream).map(p -> p.amount()).reduce(Money.ZERO, Money::plus);
        assertThat(credited).isEqualTo(Money.parse("50.00"));
    }

    /** The programme itself, hammered with draws from many threads, pays exactly what its budget holds. */
    @Test
    void concurrentDrawsOnTheProgrammeAreSerialisedByItsSingleWriter() throws Exception {
        String program = programId();
        launch(program, "30.00");
        String account = enrolledAccount(program);
        ProgramId id = ProgramId.of(program);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Boolean>> draws = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ChargeId charge = ChargeId.of("METER-" + i);
                draws.add(() -> commands.send(new DrawBudget(id, AccountId.of(account), charge,
                        PaymentId.of("DRAW-TEST:" + program + ":" + charge.value()), Money.parse("7.00"),
                        java.time.LocalDate.of(2026, 11, 25))));
            }
            List<Boolean> granted = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(draws)) {
                granted.add(f.get());
            }
            assertThat(granted).filteredOn(Boolean::booleanValue).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        var state = history.program(id).orElseThrow();
        assertThat(state.drawn()).isEqualTo(Money.parse("28.00"));
        assertThat(state.budgetLeft()).isEqualTo(Money.parse("2.00"));
        assertThat(state.drawsRefused()).isEqualTo(6);
    }

    private JsonNode awaitClaim(String account, String chargeId, String status) {
        return await().atMost(WAIT).until(() -> claimFor(account, chargeId),
                claim -> claim != null && claim.get("status").asString().equals(status));
    }

    private JsonNode awaitDecided(String account) {
        return await().atMost(WAIT).until(() -> claimFor(account, "ENERGY-2026-10"),
                claim -> claim != null && !claim.get("status").asString().equals("PENDING"));
    }

    private JsonNode claimFor(String account, String chargeId) {
        Api.Response response = api.get("/api/v1/accounts/" + account + "/discount-claims", "finance");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode claim : response.json()) {
            if (claim.get("chargeId").asString().equals(chargeId)) {
                return claim;
            }
        }
        return null;
    }

    private void awaitBalance(String account, String balance, String relief) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode json = api.get("/api/v1/accounts/" + account + "/balance", "finance").json();
            assertThat(json.get("balance").asString()).isEqualTo(balance);
            assertThat(json.get("totalRelief").asString()).isEqualTo(relief);
        });
    }

    private long discountLines(String account) {
        JsonNode statement = api.get("/api/v1/accounts/" + account + "/statement?from=2026-01-01&to=2026-12-31",
                "finance").json();
        long lines = 0;
        for (JsonNode line : statement.get("movements")) {
            if (line.get("kind").asString().equals("DISCOUNT")) {
                lines++;
            }
        }
        return lines;
    }

    private long feedDiscounts(String account) {
        long found = 0;
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/feed?types=DiscountCredited&limit=1000&after=" + after, "integration").json();
            for (JsonNode event : page.get("events")) {
                if (event.get("accountId").asString().equals(account)) {
                    found++;
                }
            }
            long next = page.get("next").asLong();
            if (page.get("events").isEmpty() || next == after) {
                return found;
            }
            after = next;
        }
    }

    private static String programId() {
        String id = "PRG-" + Api.newAccountId();
        return id.substring(0, Math.min(32, id.length()));
    }

    private void launch(String id, String budget) {
        Api.Response launched = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Discount 10%%", "kind": "DISCOUNT", "activeFrom": "2026-01-01",
                 "activeTo": "2026-12-31", "percent": "10", "budget": "%s"}""".formatted(id, budget));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    }

    private String enrolledAccount(String program) {
        String id = Api.newAccountId();
        Api.Response opened = api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Ivanova", "regionCode": "77", "openedOn": "2026-01-01"}"""
                .formatted(id));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Api.Response enrolled = api.post("/api/v1/programmes/" + program + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "2026-11-18"}""".formatted(id));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return id;
    }

    private void charge(String account, String period, String amount) {
        charge(account, period, amount, BILLED_ON);
    }

    private void charge(String account, String period, String amount, String postedOn) {
        Api.Response charged = api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s", "postedOn": "%s"}""".formatted(period, amount, postedOn));
        assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
    }
}
