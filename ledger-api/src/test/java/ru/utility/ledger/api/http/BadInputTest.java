package ru.utility.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.account.AccountApiTest;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;

/** Bad input gets a problem document naming the field and reason, never a 5xx, and changes nothing. */
@LedgerIntegrationTest
class BadInputTest {

    static final String ACCOUNT = "BAD-INPUT-1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        api.post("/api/v1/accounts", "operator", AccountApiTest.openJson(ACCOUNT));
        api.post("/api/v1/accounts/" + ACCOUNT + "/payments", "operator", AccountApiTest.payment("KNOWN-1", "5.00"));
    }

    static Stream<Arguments> badRequests() {
        String charges = "/api/v1/accounts/" + ACCOUNT + "/charges";
        String payments = "/api/v1/accounts/" + ACCOUNT + "/payments";
        // Two days or months ahead, so a run crossing midnight or a month's end cannot make them today.
        String future = TestDates.today().plusDays(2).toString();
        String futurePeriod = TestDates.currentPeriod().next().next().toString();
        return Stream.of(
                Arguments.of(payments, "{not json", 400, "body"),
                Arguments.of(payments, "", 400, "body"),
                Arguments.of(payments, "[1,2]", 400, "body"),
                Arguments.of(payments, "null", 400, "body"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":{},\"channel\":\"AUTOPAY\"}", 400, "amount"),
                Arguments.of(payments, "{\"paymentId\":[\"X\"],\"amount\":\"1.00\",\"channel\":\"AUTOPAY\"}",
                        400, "paymentId"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1e3\",\"channel\":\"AUTOPAY\"}",
                        400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\",\"channel\":\"AUTOPAY\",\"bogus\":1}",
                        400, "bogus"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.005\",\"channel\":\"AUTOPAY\"}", 400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"0.00\",\"channel\":\"AUTOPAY\"}", 400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"-5.00\",\"channel\":\"AUTOPAY\"}", 400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1000000000.01\",\"channel\":\"AUTOPAY\"}",
                        400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"12,50\",\"channel\":\"AUTOPAY\"}", 400, "amount"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\",\"channel\":\"PIGEON\"}", 400, "channel"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\"}", 400, "channel"),
                Arguments.of(payments, "{\"amount\":\"1.00\",\"channel\":\"AUTOPAY\"}", 400, "paymentId"),
                Arguments.of(payments, "{\"paymentId\":\"bad id!\",\"amount\":\"1.00\",\"channel\":\"AUTOPAY\"}",
                        400, "paymentId"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\",\"channel\":\"AUTOPAY\","
                        + "\"receivedOn\":\"2026-02-30\"}", 400, "receivedOn"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\",\"channel\":\"AUTOPAY\","
                        + "\"receivedOn\":\"" + future + "\"}", 422, "receivedOn"),
                Arguments.of(payments, "{\"paymentId\":\"X\",\"amount\":\"1.00\",\"channel\":\"AUTOPAY\","
                        + "\"billingPeriod\":\"2026-13\"}", 400, "billingPeriod"),
                Arguments.of(payments, "{\"paymentId\":\"KNOWN-1\",\"amount\":\"6.00\",\"channel\":\"WEB_CABINET\","
                        + "\"receivedOn\":\"2026-11-20\"}", 409, "paymentId"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-10\"}", 400, "amount"),
                Arguments.of(charges, "{\"billingPeriod\":\"Oct 2026\",\"amount\":\"1.00\"}", 400, "billingPeriod"),
                Arguments.of(charges, "{\"billingPeriod\":\"" + futurePeriod + "\",\"amount\":\"1.00\"}", 422,
                        "billingPeriod"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-10\",\"amount\":\"1.00\",\"postedOn\":\"" + future
                        + "\"}", 422, "postedOn"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-01\",\"amount\":\"1.00\",\"postedOn\":\"2026-01-14\"}",
                        422, "postedOn"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-10\",\"amount\":\"1.00\",\"postedOn\":\"31.10.2026\"}",
                        400, "postedOn"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-11\",\"amount\":\"1.00\",\"postedOn\":\"2026-10-31\"}",
                        422, "billingPeriod"),
                Arguments.of(charges, "{\"billingPeriod\":\"2025-12\",\"amount\":\"1.00\"}", 422, "billingPeriod"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-10\",\"amount\":\"1.00\",\"kwh\":\"-1\"}", 400, "kwh"),
                Arguments.of(charges, "{\"billingPeriod\":\"2026-10\",\"amount\":\"1.00\",\"description\":\""
                        + "x".repeat(501) + "\"}", 400, "description"),
                Arguments.of("/api/v1/accounts/lower-case/charges", "{\"billingPeriod\":\"2026-10\",\"amount\":\"1.00\"}",
                        400, "accountId"),
                Arguments.of("/api/v1/accounts", "{\"accountId\":\"AB\",\"holderName\":\"X\",\"regionCode\":\"77\"}",
                        400, "accountId"),
                Arguments.of("/api/v1/accounts", "{\"accountId\":\"ABCD-1\",\"holderName\":\" \",\"regionCode\":\"7\"}",
                        400, "holderName"),
                Arguments.of("/api/v1/accounts", "{\"accountId\":\"ABCD-2\",\"holderName\":\"X\",\"regionCode\":\"77\","
                        + "\"openedOn\":\"" + future + "\"}", 422, "openedOn"),
                Arguments.of("/api/v1/accounts/" + ACCOUNT + "/payments/KNOWN-1/reversal", "{}", 400, "reason"),
                Arguments.of("/api/v1/accounts/" + ACCOUNT + "/payments/KNOWN-1/reversal",
                        "{\"reason\":\"x\",\"reversedOn\":\"2026-11-01\"}", 422, "reversedOn"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2} {3}")
    @MethodSource("badRequests")
    void isRejectedWithAProblemNamingTheField(String path, String body, int status, String field) {
        long eventsBefore = events();

        Api.Response response = api.post(path, "operator", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isNotBlank();
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
        assertThat(events()).as("a rejected request appends nothing").isEqualTo(eventsBefore);
    }

    @Test
    void wrongMediaTypeAndMethodAreProblemsToo() {
        Api.Response wrongMethod = api.send("DELETE", "/api/v1/accounts/" + ACCOUNT, "operator", null);
        assertThat(wrongMethod.status()).isIn(403, 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");

        Api.Response noBody = api.send("POST", "/api/v1/accounts/" + ACCOUNT + "/payments", "operator", null);
        assertThat(noBody.status()).isIn(400, 415);
        assertThat(noBody.contentType()).startsWith("application/problem+json");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
