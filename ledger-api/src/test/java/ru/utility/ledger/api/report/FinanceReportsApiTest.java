package ru.utility.ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * The turnover balance sheet and the reconciliation statement reconcile with statements and as-of balances to the
 * kopeck, on fixed past dates. Regions 31, 32 and 34 are used by no other test, so their totals are this test's alone.
 *
 * <p>Account A (region 31), by hand:
 * <ul>
 *   <li>2023-07-01 charge 2023-06 2,400.00 (due Monday 10 Jul 2023); 2023-10-20 payment BANK-1 2,400.00 naming the
 *   period; penalty run to 2023-12-31: 66.65 (domain.md's worked example: 60 days at 1/300 and 12 days at 1/130
 *   of 9.5%, the lesser of 9.5% and the 13% key rate of the payment day: 45.600000 + 21.046154).
 *   Opening on 2024-01-01: 2,400.00 − 2,400.00 + 66.65 = 66.65, all of it penalty (BANK-1 paid principal only).</li>
 *   <li>2024-01-01 charge 2023-12 1,000.00 (due Wednesday 10 Jan 2024); 2024-01-12 correction −200.00 (800.00);
 *   2024-01-15 BANK-2 500.00 → principal of 2023-12 (oldest first, principal before penalties); 2024-02-05 BANK-3
 *   400.00 → the remaining principal 300.00, then the penalty 66.65, 33.35 credit; 2024-02-20 BANK-2 reversed:
 *   its 500.00 is owed again and the 33.35 credit settles part of it.</li>
 *   <li>Penalty run to 2024-02-29: charge 2023-12's 800.00 is 466.65 unpaid (300.00 and 33.35 paid on 5 Feb, day
 *   26, before any penalty; the reversed 500.00 never paid); days 31-50 (10-29 Feb 2024) at 1/300 of 9.5% (the
 *   lesser of 9.5% and the 16% key rate: Decree 474 as extended by Decree 2382): 466.65 × 20 × 9.5% / 300 =
 *   2.95545 → 2.96.</li>
 *   <li>Period 2024-01-01..2024-02-29: charged 1,000.00, corrected −200.00, paid −900.00, reversed 500.00, penalties
 *   2.96, paid to penalties −66.65. Closing 66.65 + 1,000.00 − 200.00 − 900.00 + 500.00 + 2.96 = 469.61; penalties
 *   66.65 + 2.96 − 66.65 = 2.96; principal 466.65.</li>
 * </ul>
 * Account B (region 32): 2024-01-01 charge 2023-12 500.00, 2024-02-10 payment 600.00: opening 0.00, closing −100.00
 * (credit shows as negative principal). Then a charge for 2023-10 of 300.00 is posted late, backdated to 2023-11-15:
 * the sheet moves it into B's opening (300.00, closing 200.00), while knownAt before it still shows the old sheet.
 */
@LedgerIntegrationTest
class FinanceReportsApiTest {

    private static final String PERIOD = "from=2024-01-01&to=2024-02-29";

    @LocalServerPort
    int port;

    @Test
    void theTurnoverSheetAndTheReconciliationStatementAddUpToStatementsAndAsOfBalances() {
        Api api = new Api(port);
        String a = open(api, "Svetlova Olga", "31");
        String baseA = "/api/v1/accounts/" + a;
        charge(api, a, "2023-06", "2400.00", "2023-07-01");
        pay(api, a, "BANK-1", "2400.00", "2023-10-20", "2023-06");
        assertThat(ok(api.post(baseA + "/penalty-accruals", "operator", "{\"asOf\": \"2023-12-31\"}")).get("posted")
                .asString()).isEqualTo("66.65");
        charge(api, a, "2023-12", "1000.00", "2024-01-01");
        ok(api.post(baseA + "/charges/ENERGY-2023-12/corrections", "operator", """
                {"correctionId": "C1", "difference": "-200.00", "reason": "Meter reading corrected",
                 "correctedOn": "2024-01-12"}"""));
        pay(api, a, "BANK-2", "500.00", "2024-01-15", null);
        pay(api, a, "BANK-3", "400.00", "2024-02-05", null);
        ok(api.post(baseA + "/payments/BANK-2/reversal", "operator", """
                {"reason": "Bank recall", "reversedOn": "2024-02-20"}"""));
        assertThat(ok(api.post(baseA + "/penalty-accruals", "operator", "{\"asOf\": \"2024-02-29\"}")).get("posted")
                .asString()).isEqualTo("2.96");

        String b = open(api, "Belov Ivan", "32");
        charge(api, b, "2023-12", "500.00", "2024-01-01");
        pay(api, b, "BANK-9", "600.00", "2024-02-10", null);

        // The statements projection is eventually consistent: wait until both accounts' last lines are there.
        JsonNode sheetA = await().atMost(Duration.ofSeconds(30)).until(
                () -> ok(api.get("/api/v1/reports/turnover?" + PERIOD + "&region=31", "finance")),
                s -> s.get("accounts").size() == 1 && s.get("accounts").get(0).get("line").get("penaltiesAccrued")
                        .asString().equals("2.96"));
        JsonNode rowA = sheetA.get("accounts").get(0);
        assertThat(rowA.get("accountId").asString()).isEqualTo(a);
        assertThat(line(rowA.get("line"))).isEqualTo(
                "opening 0.00+66.65=66.65 charged 1000.00 corrected -200.00 paid -900.00 reversed 500.00 relief 0.00 "
                        + "penalties 2.96 writtenOff 0.00 paidToPenalties -66.65 closing 466.65+2.96=469.61");
        assertThat(sheetA.get("regions")).hasSize(1);
        assertThat(sheetA.get("regions").get(0).get("regionCode").asString()).isEqualTo("31");
        assertThat(line(sheetA.get("regions").get(0).get("line"))).isEqualTo(line(rowA.get("line")));
        assertThat(line(sheetA.get("total"))).isEqualTo(line(rowA.get("line")));

        // The same figures from the statement and the event store's as-of balance at both ends.
        JsonNode statementA = ok(api.get(baseA + "/statement?" + PERIOD, "finance"));
        assertThat(statementA.get("openingBalance").asString()).isEqualTo("66.65");
        assertThat(statementA.get("closingBalance").asString()).isEqualTo("469.61");
        assertThat(asOf(api, a, "2023-12-31")).isEqualTo("66.65");
        assertThat(asOf(api, a, "2024-02-29")).isEqualTo("469.61");

        // The reconciliation statement: every document, debit and credit, the same ends.
        JsonNode act = ok(api.get(baseA + "/reconciliation?" + PERIOD, "auditor"));
        List<String> documents = new ArrayList<>();
        act.get("documents").forEach(d -> documents.add(d.get("date").asString() + " " + d.get("kind").asString() + " "
                + d.get("reference").asString() + " " + d.get("debit").asString() + " " + d.get("credit").asString()
                + " " + d.get("balance").asString()));
        assertThat(documents).containsExactly(
                "2024-01-01 CHARGE ENERGY-2023-12 1000.00 0.00 1066.65",
                "2024-01-12 CORRECTION C1 0.00 200.00 866.65",
                "2024-01-15 PAYMENT BANK-2 0.00 500.00 366.65",
                "2024-02-05 PAYMENT BANK-3 0.00 400.00 -33.35",
                "2024-02-20 REVERSAL BANK-2 500.00 0.00 466.65",
                "2024-02-29 PENALTY PENALTY-2024-02-29 2.96 0.00 469.61");
        assertThat(act.get("openingBalance").asString()).isEqualTo("66.65");
        assertThat(act.get("openingDebit").asString()).isEqualTo("66.65");
        assertThat(act.get("totalDebit").asString()).isEqualTo("1502.96");
        assertThat(act.get("totalCredit").asString()).isEqualTo("1100.00");
        assertThat(act.get("closingBalance").asString()).isEqualTo("469.61");
        assertThat(act.get("closingDebit").asString()).isEqualTo("469.61");
        assertThat(act.get("closingCredit").asString()).isEqualTo("0.00");

        Api.Response actCsv = api.get(baseA + "/reconciliation?" + PERIOD + "&format=csv", "finance");
        assertThat(actCsv.contentType()).startsWith("text/csv");
        List<String> csvLines = actCsv.body().lines().toList();
        assertThat(csvLines.getFirst()).isEqualTo("line,date,document,reference,description,debit,credit,balance");
        assertThat(csvLines.get(1)).isEqualTo("OPENING,2024-01-01,,,,66.65,0.00,66.65");
        assertThat(csvLines.get(5)).startsWith("PAYMENT,2024-02-05,\"Оплата\",\"BANK-3\",").endsWith(",0.00,400.00,-33.35");
        assertThat(csvLines.get(csvLines.size() - 2)).isEqualTo("TURNOVER,2024-02-29,,,,1502.96,1100.00,");
        assertThat(csvLines.getLast()).isEqualTo("CLOSING,2024-02-29,,,,469.61,0.00,469.61");
        Api.Response actExcel = api.get(baseA + "/reconciliation?" + PERIOD + "&format=csv&dialect=excel", "finance");
        assertThat(actExcel.body()).startsWith("\uFEFFline;date;document;reference;description;debit;credit;balance\r\n");
        assertThat(actExcel.body().lines().toList().getLast()).isEqualTo("CLOSING;2024-02-29;;;;469,61;0,00;469,61");
        Api.Response actHtml = api.get(baseA + "/reconciliation?" + PERIOD + "&format=html", "finance");
        assertThat(actHtml.contentType()).startsWith("text/html");
        assertThat(actHtml.body()).contains("Акт сверки", "Svetlova Olga", "<td>1502.96</td>".replace("td", "th"),
                "<th>469.61</th></tr>");

        // Account B, then a late, backdated charge: the past period's sheet follows it; knownAt shows the old one.
        JsonNode sheetB = await().atMost(Duration.ofSeconds(30)).until(
                () -> ok(api.get("/api/v1/reports/turnover?" + PERIOD + "&region=32", "finance")),
                s -> s.get("accounts").size() == 1 && s.get("accounts").get(0).get("line").get("paid").asString()
                        .equals("-600.00"));
        assertThat(line(sheetB.get("accounts").get(0).get("line"))).isEqualTo(
                "opening 0.00+0.00=0.00 charged 500.00 corrected 0.00 paid -600.00 reversed 0.00 relief 0.00 "
                        + "penalties 0.00 writtenOff 0.00 paidToPenalties 0.00 closing -100.00+0.00=-100.00");
        String beforeLate = ok(api.get("/api/v1/accounts/" + b + "/statement?" + PERIOD, "finance")).get("movements")
                .get(1).get("recordedAt").asString();
        charge(api, b, "2023-10", "300.00", "2023-11-15");
        JsonNode late = await().atMost(Duration.ofSeconds(30)).until(
                () -> ok(api.get("/api/v1/reports/turnover?" + PERIOD + "&region=32", "finance")),
                s -> s.get("accounts").get(0).get("line").get("opening").asString().equals("300.00"));
        assertThat(line(late.get("accounts").get(0).get("line"))).isEqualTo(
                "opening 300.00+0.00=300.00 charged 500.00 corrected 0.00 paid -600.00 reversed 0.00 relief 0.00 "
                        + "penalties 0.00 writtenOff 0.00 paidToPenalties 0.00 closing 200.00+0.00=200.00");
        assertThat(asOf(api, b, "2023-12-31")).isEqualTo("300.00");
        assertThat(asOf(api, b, "2024-02-29")).isEqualTo("200.00");
        JsonNode known = ok(api.get("/api/v1/reports/turnover?" + PERIOD + "&region=32&knownAt=" + beforeLate,
                "finance"));
        assertThat(known.get("accounts").get(0).get("line").get("opening").asString()).isEqualTo("0.00");
        assertThat(known.get("accounts").get(0).get("line").get("closing").asString()).isEqualTo("-100.00");

        // CSV, both dialects: the account row, the region row, the total row.
        Api.Response csv = api.get("/api/v1/reports/turnover?" + PERIOD + "&region=31&format=csv", "auditor");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).containsExactly(TurnoverHeader.RFC,
                "ACCOUNT," + a + ",\"Svetlova Olga\",31,0.00,66.65,66.65,1000.00,-200.00,-900.00,500.00,0.00,2.96,"
                        + "0.00,-66.65,466.65,2.96,469.61",
                "REGION_TOTAL,,,31,0.00,66.65,66.65,1000.00,-200.00,-900.00,500.00,0.00,2.96,0.00,-66.65,466.65,2.96,469.61",
                "TOTAL,,,,0.00,66.65,66.65,1000.00,-200.00,-900.00,500.00,0.00,2.96,0.00,-66.65,466.65,2.96,469.61");
        Api.Response excel = api.get("/api/v1/reports/turnover?" + PERIOD + "&region=31&format=csv&dialect=excel",
                "auditor");
        assertThat(excel.body()).startsWith("\uFEFF" + TurnoverHeader.RFC.replace(',', ';') + "\r\n");
        assertThat(excel.body().lines().toList().getLast())
                .isEqualTo("TOTAL;;;;0,00;66,65;66,65;1000,00;-200,00;-900,00;500,00;0,00;2,96;0,00;-66,65;466,65;2,96;469,61");
    }

    /**
     * Credit settles a penalty accrued after it: the settlement counts from the penalty's day, not the payment's.
     * By hand (region 34): 2,400.00 for 2023-06 paid on 20 Oct 2023 with 2,500.00 naming the period (100.00 credit);
     * the penalty to 31 Dec 2023 is 66.65 (domain.md's example), settled from the credit. November: opening
     * −100.00, all principal (the penalty did not exist yet), nothing moves. December: penalty 66.65, paid to
     * penalties −66.65; closing −33.35, penalties 0.00.
     */
    @Test
    void creditSettlingALaterPenaltyCountsFromThePenaltysDay() {
        Api api = new Api(port);
        String c = open(api, "Kreditova Nina", "34");
        charge(api, c, "2023-06", "2400.00", "2023-07-01");
        pay(api, c, "BANK-C", "2500.00", "2023-10-20", "2023-06");
        assertThat(ok(api.post("/api/v1/accounts/" + c + "/penalty-accruals", "operator",
                "{\"asOf\": \"2023-12-31\"}")).get("posted").asString()).isEqualTo("66.65");

        JsonNode december = await().atMost(Duration.ofSeconds(30)).until(() -> ok(api.get(
                "/api/v1/reports/turnover?from=2023-12-01&to=2023-12-31&region=34", "finance")),
                s -> s.get("accounts").size() == 1 && s.get("accounts").get(0).get("line").get("paidToPenalties")
                        .asString().equals("-66.65"));
        assertThat(line(december.get("accounts").get(0).get("line"))).isEqualTo(
                "opening -100.00+0.00=-100.00 charged 0.00 corrected 0.00 paid 0.00 reversed 0.00 relief 0.00 "
                        + "penalties 66.65 writtenOff 0.00 paidToPenalties -66.65 closing -33.35+0.00=-33.35");
        JsonNode november = ok(api.get("/api/v1/reports/turnover?from=2023-11-01&to=2023-11-30&region=34", "finance"));
        assertThat(line(november.get("accounts").get(0).get("line"))).isEqualTo(
                "opening -100.00+0.00=-100.00 charged 0.00 corrected 0.00 paid 0.00 reversed 0.00 relief 0.00 "
                        + "penalties 0.00 writtenOff 0.00 paidToPenalties 0.00 closing -100.00+0.00=-100.00");
        assertThat(asOf(api, c, "2023-11-30")).isEqualTo("-100.00");
        assertThat(asOf(api, c, "2023-12-31")).isEqualTo("-33.35");
    }

    @Test
    void badRequestsAreNamedAndRolesChecked() {
        Api api = new Api(port);
        assertField(api.get("/api/v1/reports/turnover?from=2024-02-01&to=2024-01-01", "finance"), "to");
        assertField(api.get("/api/v1/reports/turnover?to=2024-01-01", "finance"), "from");
        assertField(api.get("/api/v1/reports/turnover?" + PERIOD + "&region=X", "finance"), "region");
        assertField(api.get("/api/v1/reports/turnover?" + PERIOD + "&format=csv&dialect=lotus", "finance"), "dialect");
        assertField(api.get("/api/v1/reports/turnover?" + PERIOD + "&dialect=excel", "finance"), "dialect");
        assertField(api.get("/api/v1/reports/turnover?" + PERIOD + "&limit=0", "finance"), "limit");
        assertField(api.get("/api/v1/reports/turnover?from=2024-01-01&to=2999-01-01", "finance"), "to");
        assertThat(api.get("/api/v1/reports/turnover?" + PERIOD, "operator").status()).isEqualTo(403);
        String account = open(api, "Roles Test", "31");
        assertThat(api.get("/api/v1/accounts/" + account + "/reconciliation?" + PERIOD, "operator").status())
                .isEqualTo(403);
        assertField(api.get("/api/v1/accounts/" + account + "/reconciliation?" + PERIOD + "&format=pdf", "finance"),
                "format");
        assertThat(api.get("/api/v1/accounts/" + Api.newAccountId() + "/reconciliation?" + PERIOD, "finance").status())
                .isEqualTo(404);
    }

    /** The CSV header, once. */
    private static final class TurnoverHeader {
        static final String RFC = "line,account_id,holder_name,region_code,opening_principal,opening_penalties,opening,"
                + "charged,corrected,paid,reversed,relief_credits,penalties_accrued,written_off,paid_to_penalties,"
                + "closing_principal,closing_penalties,closing";
    }

    private static String line(JsonNode l) {
        return "opening " + l.get("openingPrincipal").asString() + "+" + l.get("openingPenalties").asString() + "="
                + l.get("opening").asString() + " charged " + l.get("charged").asString() + " corrected "
                + l.get("corrected").asString() + " paid " + l.get("paid").asString() + " reversed "
                + l.get("reversed").asString() + " relief " + l.get("reliefCredits").asString() + " penalties "
                + l.get("penaltiesAccrued").asString() + " writtenOff " + l.get("writtenOff").asString()
                + " paidToPenalties " + l.get("paidToPenalties").asString() + " closing "
                + l.get("closingPrincipal").asString() + "+" + l.get("closingPenalties").asString() + "="
                + l.get("closing").asString();
    }

    private static String asOf(Api api, String account, String day) {
        return ok(api.get("/api/v1/accounts/" + account + "/balance?asOf=" + day, "finance")).get("balance").asString();
    }

    private static String open(Api api, String holder, String region) {
        String account = Api.newAccountId();
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "%s", "regionCode": "%s", "openedOn": "2023-01-01"}"""
                .formatted(account, holder, region)));
        return account;
    }

    private static void charge(Api api, String account, String period, String amount, String postedOn) {
        ok(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "%s", "postedOn": "%s"}""".formatted(period, amount, postedOn)));
    }

    private static void pay(Api api, String account, String id, String amount, String on, String period) {
        ok(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "%s", "amount": "%s", "channel": "BANK_REGISTRY", "receivedOn": "%s"%s}"""
                .formatted(id, amount, on, period == null ? "" : ", \"billingPeriod\": \"" + period + "\"")));
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.json();
    }
}
