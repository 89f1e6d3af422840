package ru.utility.ledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.account.ErasePersonalData;
import ru.utility.ledger.core.api.account.AccountOpened;

/**
 * The right to erasure end to end: an account opened with a name and a DISABLED category is seen by name in the
 * API and the exports; its stored events never hold the name; after an ADMIN erasure every view
 * shows "[erased]", the money is untouched and the hash chain still verifies.
 */
@LedgerIntegrationTest
class PersonalDataErasureApiTest {

    static final String NAME = "Kuznetsova Anna Sergeevna";
    static final String DOCUMENT = "Disability certificate MSE 50-4417";
    static final String ERASED = "[erased]";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Clock clock;
    @Autowired
    LedgerCommands commands;

    @Test
    void anErasedHolderIsUnreadableEverywhereWhileTheChainVerifies() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        String base = "/api/v1/accounts/" + account;
        assertThat(api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "%s", "regionCode": "50", "openedOn": "2026-01-10"}"""
                .formatted(account, NAME)).status()).isEqualTo(201);
        assertThat(api.post(base + "/social-categories", "operator", """
                {"category": "DISABLED", "validFrom": "2026-01-10", "documentReference": "%s"}""".formatted(DOCUMENT))
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/charges", "operator", """
                {"chargeId": "ENERGY-2026-01", "billingPeriod": "2026-01", "amount": "812.40"}""").status())
                .isEqualTo(201);

        // Sealed from the start: the name and the document are nowhere in the stored, hash-chained bytes.
        assertThat(storedPayloads(account)).noneMatch(p -> p.contains("Kuznetsova") || p.contains("MSE 50-4417")
                || p.contains("DISABLED"));
        assertThat(api.get(base + "/events", "auditor").body()).doesNotContain("Kuznetsova").doesNotContain("MSE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(holderName(api, base)).isEqualTo(NAME));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response reconciliation = api.get(base + "/reconciliation?from=2026-01-01&to=" + LedgerTime.today(clock), "finance");
            assertThat(reconciliation.status()).as(reconciliation.toString()).isEqualTo(200);
            assertThat(reconciliation.body()).contains(NAME).contains("812.40");
        });
        assertThat(api.get(base + "/social-categories", "auditor").json().get("grants").get(0)
                .get("documentReference").asString()).isEqualTo(DOCUMENT);
        assertThat(api.get(base + "/social-categories", "auditor").json().get("validToday").toString())
                .isEqualTo("[\"DISABLED\"]");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(categoryRows(account)).isEqualTo(1));

        Api.Response refused = api.post(base + "/personal-data/erasure", "operator", """
                {"reason": "Holder's request No. 17"}""");
        assertThat(refused.status()).isEqualTo(403);
        Api.Response erased = api.post(base + "/personal-data/erasure", "admin", """
                {"reason": "Holder's request No. 17 (152-FZ art. 21)"}""");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(201);
        assertThat(erased.json().get("reason").asString()).isEqualTo("Holder's request No. 17 (152-FZ art. 21)");
        Api.Response again = api.post(base + "/personal-data/erasure", "admin", """
                {"reason": "Holder's request No. 17 (152-FZ art. 21)"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("PERSONAL_DATA_ERASED");

        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM personal_data_key WHERE account_id = ?",
                Boolean.class, account)).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(holderName(api, base)).isEqualTo(ERASED));
        assertThat(api.get(base, "operator").json().get("balance").asString()).isEqualTo("812.40");
        String reconciliation = api.get(base + "/reconciliation?from=2026-01-01&to=" + LedgerTime.today(clock), "finance").body();
        assertThat(reconciliation).contains(ERASED).doesNotContain("Kuznetsova").contains("812.40");
        JsonNode categories = api.get(base + "/social-categories", "auditor").json();
        assertThat(categories.get("grants").get(0).get("documentReference").asString()).isEqualTo(ERASED);
        assertThat(categories.get("grants").get(0).get("category").isNull()).isTrue();
        assertThat(categories.get("validToday")).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(categoryRows(account)).isZero());
        assertThat(api.get("/api/v1/feed?after=0&limit=1000", "integration").body()).doesNotContain("Kuznetsova");
        // Every reader of the store gets the marker, the aggregate included (a fresh read, not a cache).
        AccountOpened opened = (AccountOpened) eventStore.readEvents(account).asStream().findFirst().orElseThrow()
                .getPayload();
        assertThat(opened.holderName()).isEqualTo(ERASED);
        assertThat(storedPayloads(account)).noneMatch(p -> p.contains("Kuznetsova") || p.contains("MSE 50-4417"));

        Api.Response integrity = api.get(base + "/integrity", "auditor");
        assertThat(integrity.json().get("valid").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.json().get("checked").asLong()).isEqualTo(4);
        // No new personal data on an erased account.
        Api.Response grant = api.post(base + "/social-categories", "operator", """
                {"category": "PENSIONER", "documentReference": "Pension certificate 1"}""");
        assertThat(grant.status()).isEqualTo(409);
        assertThat(grant.json().get("code").asString()).isEqualTo("PERSONAL_DATA_ERASED");
    }

    @Test
    void aRepeatedRequestFinishesAnErasureInterruptedBeforeTheKeyWentAway() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Interrupted Ivanov", "regionCode": "50", "openedOn": "2026-01-10"}"""
                .formatted(account));
        // The node stopped after the event, before the key was deleted: the event alone, as the aggregate records it.
        commands.send(new ErasePersonalData(AccountId.of(account), LedgerTime.today(clock), "Request No. 19"));
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NOT NULL FROM personal_data_key WHERE account_id = ?",
                Boolean.class, account)).isTrue();

        Api.Response retried = api.post("/api/v1/accounts/" + account + "/personal-data/erasure", "admin", """
                {"reason": "Request No. 19"}""");

        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.json().get("code").asString()).isEqualTo("PERSONAL_DATA_ERASED");
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NULL FROM personal_data_key WHERE account_id = ?",
                Boolean.class, account)).isTrue();
        AccountOpened opened = (AccountOpened) eventStore.readEvents(account).asStream().findFirst().orElseThrow()
                .getPayload();
        assertThat(opened.holderName()).isEqualTo(ERASED);
    }

    @Test
    void anUnknownAccountIsNotFoundAndLeavesNoTrace() {
        Api api = new Api(port);
        String account = Api.newAccountId();

        Api.Response response = api.post("/api/v1/accounts/" + account + "/personal-data/erasure", "admin", """
                {"reason": "Holder's request No. 18"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE account_id = ?", Integer.class,
                account)).isZero();
    }

    @Test
    void aReasonIsRequired() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        api.post("/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Petrov Ivan", "regionCode": "50", "openedOn": "2026-01-10"}"""
                .formatted(account));

        Api.Response response = api.post("/api/v1/accounts/" + account + "/personal-data/erasure", "admin", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(jdbc.queryForObject("SELECT wrapped_key IS NOT NULL FROM personal_data_key WHERE account_id = ?",
                Boolean.class, account)).isTrue();
    }

    /** The projections' copies of the holder's categories (overdue filter, relief statistics). */
    private int categoryRows(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM account_category WHERE account_id = ?", Integer.class,
                account);
    }

    private List<String> storedPayloads(String account) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, n) -> new String(rs.getBytes("payload"), StandardCharsets.UTF_8), account);
    }

    /** The name in the account view, once the balances projection has the account (404 until then). */
    private static String holderName(Api api, String base) {
        Api.Response account = api.get(base, "operator");
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        return account.json().get("holderName").asString();
    }
}
