package ru.utility.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.Uploads;

/** Every CSV export of the API in both dialects: statements, the overdue list, the penalty calculation, job errors. */
@LedgerIntegrationTest
class CsvDialectApiTest {

    private static final String BOM = "\uFEFF";
    private static final String OVERDUE_HEADER = "account_id,region_code,categories,overdue_amount,oldest_due_date,"
            + "days_overdue,bucket,overdue_charges,time_barred_amount";

    @LocalServerPort
    int port;

    @Test
    void everyExportComesInBothDialects() throws Exception {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        ok(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Excel Ekaterina", "regionCode": "33", "openedOn": "2023-01-01"}"""
                .formatted(account)));
        ok(api.post(base + "/charges", "operator", """
                {"billingPeriod": "2023-06", "amount": "2400.00", "postedOn": "2023-07-01"}"""));
        ok(api.post(base + "/payments", "operator", """
                {"paymentId": "BANK-1", "amount": "100.50", "channel": "BANK_REGISTRY", "receivedOn": "2023-08-01"}"""));

        // The statement answers 404 until the balances projection knows the account: await both projections.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(base + "/statement?from=2023-01-01&to=2023-12-31",
                "finance"), r -> r.status() == 200 && r.json().get("movements").size() == 2);
        String statement = base + "/statement?from=2023-01-01&to=2023-12-31&format=csv";
        assertThat(api.get(statement, "finance").body().lines().toList()).containsExactly(
                "date,kind,reference,description,amount,running_balance",
                "2023-01-01,OPENING_BALANCE,,,,0.00",
                "2023-07-01,CHARGE,\"ENERGY-2023-06\",\"Electricity for 2023-06\",2400.00,2400.00",
                "2023-08-01,PAYMENT,\"BANK-1\",\"Payment via BANK_REGISTRY\",-100.50,2299.50",
                "2023-12-31,CLOSING_BALANCE,,,,2299.50");
        Api.Response excel = api.get(statement + "&dialect=excel", "finance");
        assertThat(excel.contentType()).startsWith("text/csv");
        assertThat(excel.body()).isEqualTo(BOM + "date;kind;reference;description;amount;running_balance\r\n"
                + "2023-01-01;OPENING_BALANCE;;;;0,00\r\n"
                + "2023-07-01;CHARGE;\"ENERGY-2023-06\";\"Electricity for 2023-06\";2400,00;2400,00\r\n"
                + "2023-08-01;PAYMENT;\"BANK-1\";\"Payment via BANK_REGISTRY\";-100,50;2299,50\r\n"
                + "2023-12-31;CLOSING_BALANCE;;;;2299,50\r\n");
        assertField(api.get(statement + "&dialect=ods", "finance"), "dialect");
        assertField(api.get(base + "/statement?from=2023-01-01&to=2023-12-31&dialect=excel", "finance"), "dialect");

        // The overdue list on 2023-12-31: 2,299.50 overdue since 10 July 2023 (174 days).
        String overdue = "/api/v1/overdue?asOf=2023-12-31&region=33&format=csv";
        // The overdue projection is eventually consistent: await the row after the payment's allocation.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(overdue, "finance").body().lines()
                .toList()).containsExactly(OVERDUE_HEADER, account + ",33,\"\",2299.50,2023-07-10,174,DAYS_91_180,1,0.00"));
        Api.Response overdueExcel = api.get(overdue + "&dialect=excel", "finance");
        assertThat(overdueExcel.body()).startsWith(BOM + "account_id;region_code;categories;overdue_amount;");
        assertThat(overdueExcel.body().lines().toList().get(1))
                .isEqualTo(account + ";33;\"\";2299,50;2023-07-10;174;DAYS_91_180;1;0,00");
        assertField(api.get("/api/v1/overdue?asOf=2023-12-31&dialect=excel", "finance"), "dialect");

        // The penalty calculation: rates and exact amounts take the decimal comma too. First row by hand: 2,299.50 unpaid
        // on days 31-90 (10 Aug - 8 Oct 2023) at 1/300 of 9.5% (less than the 16% key rate of 31 Dec 2023):
        // 2299.50 x 60 x 0.095 / 300 = 43.6905.
        String calculation = base + "/penalty-calculation?asOf=2023-12-31&format=csv";
        List<String> rfc = api.get(calculation, "finance").body().lines().toList();
        List<String> xl = api.get(calculation + "&dialect=excel", "finance").body().lines().toList();
        assertThat(xl).hasSameSizeAs(rfc);
        assertThat(xl.getFirst()).isEqualTo(BOM + rfc.getFirst().replace(',', ';'));
        assertThat(rfc.get(1)).contains(",9.50,").endsWith(",0.000000,43.690500");
        assertThat(xl.get(1)).contains(";9,50;").endsWith(";0,000000;43,690500");

        // Job error lines.
        String unknown = Api.newAccountId();
        String location = Uploads.upload(port, "/api/v1/billing-runs", """
                accountId,period,amount,kWh
                %s,2026-10,10.00,1
                """.formatted(unknown).getBytes(StandardCharsets.UTF_8), "text/csv").headers().firstValue("Location")
                .orElseThrow();
        JsonNode job = Uploads.awaitCompleted(api, location);
        String errors = job.get("errorReport").asString();
        assertThat(api.get(errors, "finance").body().lines().toList().getLast())
                .startsWith("2," + unknown + ",2026-10,UNKNOWN_ACCOUNT,");
        Api.Response jobExcel = api.get(errors + "?dialect=excel", "finance");
        assertThat(jobExcel.body()).startsWith(BOM + "line;accountId;reference;code;reason\r\n2;" + unknown
                + ";2026-10;UNKNOWN_ACCOUNT;");
        assertField(api.get(errors + "?dialect=x", "finance"), "dialect");
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
