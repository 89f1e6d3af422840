package ru.utility.ledger.api.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
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
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

@LedgerIntegrationTest
class EnrolmentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EnrolmentProcess process;
    @Autowired
    AccountHistory history;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aPensionerIsEnrolledInADiscountAndAnIneligibleHolderIsToldWhy() {
        String program = programId();
        launch(program, "DISCOUNT", "\"categories\": [\"PENSIONER\"], \"regions\": [\"77\"], \"percent\": \"30\"");
        String pensioner = account("77");
        Api.Response granted = api.post("/api/v1/accounts/" + pensioner + "/social-categories", "operator", """
                {"category": "PENSIONER", "validFrom": "2026-03-01", "documentReference": "Pension certificate 1"}""");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);

        Api.Response enrolled = enrol(program, pensioner, "2026-11-18");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.json().get("kind").asString()).isEqualTo("DISCOUNT");
        assertThat(enrolled.json().get("compensation").asString()).isEqualTo("0.00");
        assertThat(enrol(program, pensioner, "2026-11-18").status()).isEqualTo(200);
        Api.Response again = enrol(program, pensioner, "2026-11-19");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_ENROLLED");
        JsonNode list = api.get("/api/v1/accounts/" + pensioner + "/enrolments", "auditor").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("programId").asString()).isEqualTo(program);

        String noCategory = account("77");
        Api.Response refused = enrol(program, noCategory, "2026-11-18");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("NOT_ELIGIBLE_CATEGORY");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("accountId");
        assertThat(api.get("/api/v1/accounts/" + noCategory + "/enrolments", "auditor").json().size()).isZero();
        // The refused reservation went back: the programme holds only the pensioner.
        assertThat(history.program(ProgramId.of(program)).orElseThrow().enrolments()).hasSize(1);

        // DISCOUNT: the next energy charge, billed on 20 November, gets 30% off, credited and allocated like a
        // payment on that day.
        Api.Response charged = api.post("/api/v1/accounts/" + pensioner + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "1234.55", "kwh": "350.5", "postedOn": "2026-11-20"}""");
        assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response response = api.get("/api/v1/accounts/" + pensioner + "/balance", "finance");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("balance").asString()).isEqualTo("864.18");
            assertThat(response.json().get("totalRelief").asString()).isEqualTo("370.37");
        });
        // The statements projection runs on its own, so it may trail the balances projection.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/accounts/" + pensioner
                + "/statement?from=2026-11-01&to=2026-11-30", "finance").json().toString())
                .contains("DISCOUNT").contains("-370.37"));

        String elsewhere = account("50");
        api.post("/api/v1/accounts/" + elsewhere + "/social-categories", "operator", """
                {"category": "PENSIONER", "validFrom": "2026-03-01", "documentReference": "Pension certificate 2"}""");
        assertThat(enrol(program, elsewhere, "2026-11-18").json().get("code").asString())
                .isEqualTo("NOT_ELIGIBLE_REGION");
    }

    @Test
    void rejectionsNameTheirReasonAndChangeNothing() {
        String program = programId();
        launch(program, "DISCOUNT", "\"percent\": \"10\"");
        String account = account("77");
        Api.Response early = enrol(program, account, "2025-12-31");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("OUTSIDE_PROGRAMME_WINDOW");
        Api.Response future = enrol(program, account, TestDates.today().plusDays(2).toString());
        assertThat(future.json().get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        Api.Response badDate = enrol(program, account, "18.11.2026");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("enrolledOn");
        assertThat(enrol("NO-SUCH-PROGRAMME", account, "2026-11-18").json().get("code").asString())
                .isEqualTo("UNKNOWN_PROGRAM");
        assertThat(enrol(program, "T-NO-SUCH-ACCOUNT", "2026-11-18").status()).isEqualTo(404);
        String moratorium = programId();
        // A moratorium programme applies to every account of this JVM: one day of 2016 that no test accrues
        // through, closed on that day at once; enrolment is refused either way.
        assertThat(api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Relief", "kind": "PENALTY_MORATORIUM", "activeFrom": "2016-01-04",
                 "activeTo": "2016-01-04"}""".formatted(moratorium)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/programmes/" + moratorium + "/closure", "operator", """
                {"closedOn": "2016-01-04", "reason": "test"}""").status()).isEqualTo(201);
        assertThat(enrol(moratorium, account, "2026-11-18").json().get("code").asString())
                .isEqualTo("NO_ENROLMENT_NEEDED");
        assertThat(history.program(ProgramId.of(program)).orElseThrow().enrolments()).isEmpty();
    }

    @Test
    void aCompensationIsPaidFromTheBudgetAndLowersTheBalance() {
        String program = programId();
        launch(program, "COMPENSATION", "\"percent\": \"50\", \"budget\": \"100.00\"");
        String account = account("77");
        charge(account, "123.45");
        Api.Response enrolled = enrol(program, account, "2026-11-18");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        // 50% of 123.45 = 61.725, rounded half-up.
        assertThat(enrolled.json().get("compensation").asString()).isEqualTo("61.73");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response response = api.get("/api/v1/accounts/" + account + "/balance", "finance");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode balance = response.json();
            assertThat(balance.get("balance").asString()).isEqualTo("61.72");
            assertThat(balance.get("totalRelief").asString()).isEqualTo("61.73");
        });
        JsonNode allocations = api.get("/api/v1/accounts/" + account + "/charges/ENERGY-2026-10/allocations",
                "finance").json();
        assertThat(allocations.toString()).contains("RELIEF:" + program).contains("61.73");

        String second = account("77");
        charge(second, "100.00");
        Api.Response exhausted = enrol(program, second, "2026-11-18");
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.json().get("code").asString()).isEqualTo("BUDGET_EXHAUSTED");
    }

    /** Eight enrolments race for a budget that holds five: exactly five win, the budget is spent to the kopeck. */
    @Test
    void concurrentEnrolmentsNeverOverspendTheBudget() throws Exception {
        String program = programId();
        launch(program, "COMPENSATION", "\"percent\": \"50\", \"budget\": \"250.00\"");
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String account = account("77");
            charge(account, "100.00");
            accounts.add(AccountId.of(account));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = accounts.stream().<Callable<String>>map(a -> () -> {
                try {
                    return process.enrol(ProgramId.of(program), a, LocalDate.of(2026, 11, 18)).compensation().toString();
                } catch (LedgerRuleViolation e) {
                    return e.code();
                }
            }).toList();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn("50.00"::equals).hasSize(5);
            assertThat(outcomes).filteredOn("BUDGET_EXHAUSTED"::equals).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        var state = history.program(ProgramId.of(program)).orElseThrow();
        assertThat(state.reserved()).isEqualTo(Money.parse("250.00"));
        assertThat(state.budgetLeft()).isEqualTo(Money.ZERO);
        long credited = accounts.stream().filter(a -> history.debts(a).orElseThrow().credit().isZero()
                && history.debts(a).orElseThrow().outstanding(ru.utility.ledger.core.api.ChargeId.of("ENERGY-2026-10"))
                .equals(Money.parse("50.00"))).count();
        assertThat(credited).isEqualTo(5);
    }

    private static String programId() {
        String id = "PRG-" + Api.newAccountId();
        return id.substring(0, Math.min(32, id.length()));
    }

    private void launch(String id, String kind, String extra) {
        Api.Response launched = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "Relief", "kind": "%s", "activeFrom": "2026-01-01", "activeTo": "2026-12-31",
                 %s}""".formatted(id, kind, extra));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    }

    private String account(String region) {
        String id = Api.newAccountId();
        Api.Response opened = api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Ivanova", "regionCode": "%s", "openedOn": "2026-01-01"}"""
                .formatted(id, region));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return id;
    }

    private void charge(String account, String amount) {
        Api.Response charged = api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "2026-10", "amount": "%s"}""".formatted(amount));
        assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
    }

    private Api.Response enrol(String program, String account, String on) {
        return api.post("/api/v1/programmes/" + program + "/enrolments", "operator", """
                {"accountId": "%s", "enrolledOn": "%s"}""".formatted(account, on));
    }
}
