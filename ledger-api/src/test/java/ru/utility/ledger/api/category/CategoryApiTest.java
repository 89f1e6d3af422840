package ru.utility.ledger.api.category;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

@LedgerIntegrationTest
class CategoryApiTest {

    @LocalServerPort
    int port;
    Api api;
    String base;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        String id = Api.newAccountId();
        base = "/api/v1/accounts/" + id + "/social-categories";
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Kuznetsova Olga", "regionCode": "50", "openedOn": "2026-01-10"}"""
                .formatted(id));
    }

    @Test
    void grantsListsAndRevokesACategory() {
        String grant = """
                {"category": "PENSIONER", "validFrom": "2026-03-01", "documentReference": "Pension certificate 123"}""";
        Api.Response granted = api.post(base, "operator", grant);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        assertThat(api.post(base, "operator", grant).status()).isEqualTo(200);
        Api.Response other = api.post(base, "operator", """
                {"category": "PENSIONER", "validFrom": "2026-04-01", "documentReference": "Another"}""");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("CATEGORY_ALREADY_GRANTED");

        JsonNode list = api.get(base, "auditor").json();
        assertThat(list.get("validToday").toString()).isEqualTo("[\"PENSIONER\"]");
        assertThat(list.get("grants").get(0).get("documentReference").asString()).isEqualTo("Pension certificate 123");

        Api.Response revoked = api.post(base + "/PENSIONER/revocation", "operator", """
                {"revokedOn": "2026-11-01", "reason": "Certificate withdrawn"}""");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertThat(revoked.json().get("revokedOn").asString()).isEqualTo("2026-11-01");
        assertThat(api.get(base, "finance").json().get("validToday")).isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        Api.Response badCategory = api.post(base, "operator", """
                {"category": "STUDENT", "documentReference": "x"}""");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        Api.Response badRange = api.post(base, "operator", """
                {"category": "DISABLED", "validFrom": "2026-05-01", "validTo": "2026-04-30", "documentReference": "x"}""");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.json().get("errors").get(0).get("field").asString()).isEqualTo("validTo");
        Api.Response noDocument = api.post(base, "operator", """
                {"category": "DISABLED"}""");
        assertThat(noDocument.json().get("errors").get(0).get("field").asString()).isEqualTo("documentReference");
        Api.Response notGranted = api.post(base + "/LARGE_FAMILY/revocation", "operator", """
                {"reason": "x"}""");
        assertThat(notGranted.status()).isEqualTo(404);
        assertThat(notGranted.json().get("code").asString()).isEqualTo("CATEGORY_NOT_GRANTED");
        assertThat(api.get("/api/v1/accounts/NO-SUCH-2/social-categories", "finance").status()).isEqualTo(404);
    }
}
