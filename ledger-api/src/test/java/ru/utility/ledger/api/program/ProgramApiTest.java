package ru.utility.ledger.api.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

@LedgerIntegrationTest
class ProgramApiTest {

    @LocalServerPort
    int port;
    Api api;
    String id;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        id = "PRG-" + Api.newAccountId();
        if (id.length() > 32) {
            id = id.substring(0, 32);
        }
    }

    @Test
    void launchesReadsAndClosesAProgramme() {
        String body = """
                {"programId": "%s", "name": "Large families: 30%% discount", "kind": "DISCOUNT",
                 "activeFrom": "2026-01-01", "activeTo": "2026-12-31", "categories": ["LARGE_FAMILY"],
                 "regions": ["77"], "percent": "30", "budget": "1000000.00"}""".formatted(id);
        Api.Response launched = api.post("/api/v1/programmes", "operator", body);
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        assertThat(launched.header("Location")).isEqualTo("/api/v1/programmes/" + id);
        assertThat(api.post("/api/v1/programmes", "operator", body).status()).isEqualTo(200);
        Api.Response conflict = api.post("/api/v1/programmes", "operator", body.replace("\"30\"", "\"31\""));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("PROGRAM_EXISTS");

        JsonNode read = api.get("/api/v1/programmes/" + id, "auditor").json();
        assertThat(read.get("kind").asString()).isEqualTo("DISCOUNT");
        assertThat(read.get("eligibility").get("categories").toString()).isEqualTo("[\"LARGE_FAMILY\"]");
        assertThat(read.get("budget").asString()).isEqualTo("1000000.00");

        Api.Response closed = api.post("/api/v1/programmes/" + id + "/closure", "operator", """
                {"closedOn": "2026-06-30", "reason": "Budget decision"}""");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        assertThat(closed.json().get("closedOn").asString()).isEqualTo("2026-06-30");
        assertThat(api.get("/api/v1/programmes/" + id, "finance").json().get("closeReason").asString())
                .isEqualTo("Budget decision");
    }

    @Test
    void badInputNamesTheField() {
        Api.Response noPercent = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "x", "kind": "COMPENSATION", "activeFrom": "2026-01-01"}""".formatted(id));
        assertThat(noPercent.status()).isEqualTo(400);
        assertThat(noPercent.json().get("errors").get(0).get("field").asString()).isEqualTo("percent");
        Api.Response badKind = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "x", "kind": "LOTTERY", "activeFrom": "2026-01-01"}""".formatted(id));
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Api.Response badRegion = api.post("/api/v1/programmes", "operator", """
                {"programId": "%s", "name": "x", "kind": "PENALTY_MORATORIUM", "activeFrom": "2026-01-01",
                 "regions": ["7"]}""".formatted(id));
        assertThat(badRegion.json().get("errors").get(0).get("field").asString()).isEqualTo("regions");
        assertThat(api.get("/api/v1/programmes/" + id, "finance").status()).isEqualTo(404);
        Api.Response unknownClose = api.post("/api/v1/programmes/" + id + "/closure", "operator", """
                {"closedOn": "2026-06-30", "reason": "x"}""");
        assertThat(unknownClose.status()).isEqualTo(404);
        assertThat(unknownClose.json().get("code").asString()).isEqualTo("UNKNOWN_PROGRAM");
    }
}
