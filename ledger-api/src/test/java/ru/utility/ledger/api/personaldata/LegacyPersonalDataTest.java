package ru.utility.ledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.eventstore.EventHashChain;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;

/**
 * An account from before sealing: its revision-1 events hold the name, the category and the document in clear
 * text, sealed into the hash chain as they were written. Readers see them until an erasure; after it every
 * reader sees "[erased]" (and no category) though the old bytes stay, and the chain still verifies.
 */
@LedgerIntegrationTest
class LegacyPersonalDataTest {

    static final String OPENED = "ru.utility.ledger.core.api.account.AccountOpened";
    static final String GRANTED = "ru.utility.ledger.core.api.account.SocialCategoryGranted";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void legacyClearTextIsReadUntilErasedAndHiddenAfter() {
        String account = Api.newAccountId();
        byte[] head = store(account, 0, "2026-01-12T07:00:00.000Z", OPENED, """
                {"accountId":"%s","holderName":"Legacy Holder Orlova","regionCode":"77","openedOn":"2026-01-12"}"""
                .formatted(account), EventHashChain.GENESIS);
        store(account, 1, "2026-01-12T07:05:00.000Z", GRANTED, """
                {"accountId":"%s","category":"DISABLED","validFrom":"2026-01-12","validTo":null,\
                "documentReference":"Legacy certificate 77-001"}""".formatted(account), head);

        List<? extends DomainEventMessage<?>> before = eventStore.readEvents(account).asStream().toList();
        assertThat(((AccountOpened) before.get(0).getPayload()).holderName()).isEqualTo("Legacy Holder Orlova");
        assertThat(((SocialCategoryGranted) before.get(1).getPayload()).category()).isEqualTo(SocialCategory.DISABLED);
        Api api = new Api(port);
        String base = "/api/v1/accounts/" + account;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(holderName(api, base)).isEqualTo("Legacy Holder Orlova"));

        Api.Response erased = api.post(base + "/personal-data/erasure", "admin", """
                {"reason": "Holder's request No. 21"}""");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(201);

        List<? extends DomainEventMessage<?>> after = eventStore.readEvents(account).asStream().toList();
        assertThat(((AccountOpened) after.get(0).getPayload()).holderName()).isEqualTo("[erased]");
        SocialCategoryGranted grant = (SocialCategoryGranted) after.get(1).getPayload();
        assertThat(grant.category()).isNull();
        assertThat(grant.documentReference()).isEqualTo("[erased]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(holderName(api, base)).isEqualTo("[erased]"));
        assertThat(api.get(base + "/social-categories", "auditor").body()).doesNotContain("Legacy certificate")
                .doesNotContain("DISABLED");
        // Honestly: the old bytes keep the clear text until the chains are rewritten by an archival run.
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0", byte[].class, account), StandardCharsets.UTF_8)).contains("Orlova");
        assertThat(jdbc.queryForObject("SELECT erased_at IS NOT NULL FROM personal_data_key WHERE account_id = ?",
                Boolean.class, account)).isTrue();
        Api.Response integrity = api.get(base + "/integrity", "auditor");
        assertThat(integrity.json().get("valid").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.json().get("checked").asLong()).isEqualTo(3);
    }

    /** Stores one revision-1 event the way the ledger sealed it into the chain then; returns its hash. */
    private byte[] store(String account, long sequence, String timeStamp, String payloadType, String payload,
                         byte[] previous) {
        String eventId = UUID.nameUUIDFromBytes((account + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] unsealed = "{\"actor\":\"migration\"}".getBytes(StandardCharsets.UTF_8);
        byte[] hash = EventHashChain.hash(previous, new EventHashChain.StoredEvent(eventId, account, sequence,
                "Account", timeStamp, payloadType, "1", payloadBytes, unsealed));
        byte[] metaData = ("{\"actor\":\"migration\",\"" + EventHashChain.HASH_KEY + "\":\"" + EventHashChain.hex(hash)
                + "\"}").getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'Account', ?, ?, '1', ?, ?)""",
                eventId, account, sequence, timeStamp, payloadType, payloadBytes, metaData);
        return hash;
    }

    /** The name in the account view, once the balances projection has the account (404 until then). */
    private static String holderName(Api api, String base) {
        Api.Response account = api.get(base, "operator");
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        return account.json().get("holderName").asString();
    }
}
