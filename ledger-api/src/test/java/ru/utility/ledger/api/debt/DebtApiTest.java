package ru.utility.ledger.api.debt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/** Allocation, penalty explanation and accrual through the API, on domain.md's worked example. */
@LedgerIntegrationTest
class DebtApiTest {

    @LocalServerPort
    int port;
    Api api;
    String id;
    String base;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        id = Api.newAccountId();
        base = "/api/v1/accounts/" + id;
        Api.Response opened = api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Petrova Anna", "regionCode": "77", "openedOn": "2023-01-01"}"""
                .formatted(id));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Api.Response charge = api.post(base + "/charges", "operator", """
                {"billingPeriod": "2023-06", "amount": "2400.00"}""");
        assertThat(charge.json().get("dueDate").asString()).isEqualTo("2023-07-10");
    }

    @Test
    void theWorkedExampleIsAllocatedExplainedAccruedOnceAndPaidFromCredit() {
        pay("BANK-1", "2400.00", "2023-10-20");

        JsonNode charge = ok(api.get(base + "/charges/ENERGY-2023-06/allocations", "auditor"));
        assertThat(charge.get("outstanding").asString()).isEqualTo("0.00");
        assertThat(charge.get("settledBy").get(0).get("paymentId").asString()).isEqualTo("BANK-1");
        assertThat(charge.get("settledBy").get(0).get("paidOn").asString()).isEqualTo("2023-10-20");
        assertThat(charge.get("settledBy").get(0).get("source").asString()).isEqualTo("RECEIPT");

        JsonNode penalty = ok(api.get(base + "/penalty?asOf=2026-11-20", "finance"));
        assertThat(penalty.get("owed").asString()).isEqualTo("66.65");
        assertThat(penalty.get("unposted").asString()).isEqualTo("66.65");
        JsonNode part = penalty.get("charges").get(0).get("parts").get(0);
        assertThat(part.get("overdueDays").asInt()).isEqualTo(102);
        assertThat(part.get("rate").get("percent").asString()).isEqualTo("9.50");
        assertThat(part.get("rate").get("source").asString()).contains("474");
        assertThat(part.get("bands").get(0).get("fraction").asString()).isEqualTo("1/300");
        assertThat(part.get("bands").get(0).get("amount").asString()).isEqualTo("45.600000");
        assertThat(part.get("bands").get(1).get("days").asInt()).isEqualTo(12);

        Api.Response accrued = api.post(base + "/penalty-accruals", "operator", """
                {"asOf": "2026-11-20"}""");
        assertThat(accrued.status()).as(accrued.toString()).isEqualTo(201);
        assertThat(accrued.json().get("posted").asString()).isEqualTo("66.65");
        Api.Response again = api.post(base + "/penalty-accruals", "operator", """
                {"asOf": "2026-11-20"}""");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("posted").asString()).isEqualTo("0.00");

        awaitBalance("66.65");
        JsonNode balance = ok(api.get(base + "/balance", "finance"));
        assertThat(balance.get("totalPenalties").asString()).isEqualTo("66.65");

        pay("BANK-2", "100.00", "2026-11-21");
        JsonNode payment = ok(api.get(base + "/payments/BANK-2/allocations", "operator"));
        assertThat(payment.get("allocated").asString()).isEqualTo("66.65");
        assertThat(payment.get("credit").asString()).isEqualTo("33.35");
        assertThat(payment.get("paid").get(0).get("kind").asString()).isEqualTo("PENALTY");
        awaitBalance("-33.35");

        Api.Response run = api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "2026-11-25", "accountIds": ["%s", "NO-SUCH-ACCOUNT"]}""".formatted(id));
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("accounts").asInt()).isEqualTo(2);
        assertThat(run.json().get("accountsPosted").asInt()).isZero();
        assertThat(run.json().get("failures")).hasSize(1);
        assertThat(run.json().get("failures").get(0).get("accountId").asString()).isEqualTo("NO-SUCH-ACCOUNT");
        JsonNode after = ok(api.get(base + "/penalty?asOf=2026-11-25", "finance"));
        assertThat(after.get("accrued").asString()).isEqualTo("66.65");
        assertThat(after.get("unposted").asString()).isEqualTo("0.00");
    }

    @Test
    void aReversalUndoesTheAllocation() {
        pay("BANK-1", "1000.00", "2023-07-01");
        Api.Response reversal = api.post(base + "/payments/BANK-1/reversal", "operator", """
                {"reason": "Bank recall", "reversedOn": "2023-07-05"}""");
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);

        JsonNode charge = ok(api.get(base + "/charges/ENERGY-2023-06/allocations", "finance"));
        assertThat(charge.get("outstanding").asString()).isEqualTo("2400.00");
        assertThat(charge.get("settledBy")).isEmpty();
        JsonNode payment = ok(api.get(base + "/payments/BANK-1/allocations", "finance"));
        assertThat(payment.get("reversed").asBoolean()).isTrue();
        assertThat(payment.get("credit").asString()).isEqualTo("0.00");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.Response badDate = api.get(base + "/penalty?asOf=2026-13-01", "finance");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");

        // Two days ahead, so a run crossing midnight cannot make it today.
        String inTwoDays = TestDates.today().plusDays(2).toString();
        Api.Response future = api.post(base + "/penalty-accruals", "operator", """
                {"asOf": "%s"}""".formatted(inTwoDays));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        Api.Response badIds = api.post("/api/v1/penalty-runs", "operator", """
                {"accountIds": ["lower-case"]}""");
        assertThat(badIds.status()).isEqualTo(400);
        assertThat(badIds.json().get("errors").get(0).get("field").asString()).isEqualTo("accountIds");
        Api.Response futureRun = api.post("/api/v1/penalty-runs", "operator", """
                {"asOf": "%s"}""".formatted(inTwoDays));
        assertThat(futureRun.status()).isEqualTo(422);
        assertThat(futureRun.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");

        Api.Response unknownCharge = api.get(base + "/charges/NOPE/allocations", "finance");
        assertThat(unknownCharge.status()).isEqualTo(404);
        assertThat(unknownCharge.json().get("code").asString()).isEqualTo("UNKNOWN_CHARGE");
        Api.Response unknownPayment = api.get(base + "/payments/NOPE/allocations", "finance");
        assertThat(unknownPayment.json().get("code").asString()).isEqualTo("UNKNOWN_PAYMENT");
        Api.Response unknownAccount = api.get("/api/v1/accounts/NO-SUCH-1/penalty", "finance");
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.json().get("code").asString()).isEqualTo("UNKNOWN_ACCOUNT");
        Api.Response unknownAccrual = api.post("/api/v1/accounts/NO-SUCH-1/penalty-accruals", "operator", "{}");
        assertThat(unknownAccrual.status()).isEqualTo(404);
    }

    private void pay(String paymentId, String amount, String on) {
        Api.Response paid = api.post(base + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY", "receivedOn": "%s"}"""
                .formatted(paymentId, amount, on));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    private JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void awaitBalance(String expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response balance = api.get(base + "/balance", "finance");
            assertThat(balance.status()).isEqualTo(200);
            assertThat(balance.json().get("balance").asString()).isEqualTo(expected);
        });
    }
}
