package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

@LedgerIntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void healthShowsDatabaseAndEventProcessorsToAdmins() {
        Api api = new Api(port);
        Api.Response anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().get("components")).isNull();

        Api.Response admin = api.get("/actuator/health", "admin");
        assertThat(admin.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(admin.json().get("components").get("eventProcessors").get("details").has("feed")).isTrue();
    }

    @Test
    void prometheusHasBusinessCountersByChannel() {
        Api api = new Api(port);
        String id = Api.newAccountId();
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Metered", "regionCode": "23"}""".formatted(id));
        api.post("/api/v1/accounts/" + id + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "10.00"}""".formatted(TestDates.currentPeriod()));
        api.post("/api/v1/accounts/" + id + "/payments", "operator", """
                {"paymentId": "M-1", "amount": "2.50", "channel": "CASH_OFFICE"}""");

        String scrape = api.get("/actuator/prometheus", "admin").body();
        assertThat(scrape).containsPattern("ledger_payments_recorded_total\\{.*channel=\"CASH_OFFICE\".*} [1-9]");
        assertThat(scrape).containsPattern("ledger_payments_amount_kopecks_total\\{.*channel=\"CASH_OFFICE\".*} [1-9]");
        assertThat(scrape).containsPattern("ledger_charges_posted_total\\{.*} [1-9]");
        // The payment's command read the account through the aggregate cache, its append the chain heads.
        assertThat(scrape).containsPattern("cache_gets_total\\{.*cache=\"ledger.aggregates\".*result=\"hit\".*} [1-9]");
        assertThat(scrape).containsPattern("cache_gets_total\\{.*cache=\"ledger.chain-heads\".*result=\"hit\".*} [1-9]");
        assertThat(scrape).contains("cache=\"ledger.as-of-events\"", "cache=\"ledger.credentials\"");
    }
}
