package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.core.api.account.ChargePosted;

/**
 * An account migrated from the time before charges carried {@code postedOn}: its events are stored at revision 1,
 * sealed into the hash chain as they were written then. Readers see revision 2 with the Moscow date of the
 * recording instant, and the stored rows, hence the chain, stay exactly as they were.
 */
@LedgerIntegrationTest
class ChargePostedUpcasterTest {

    // 31 October 21:30 UTC is already 1 November in Moscow: the charge counts from 1 November.
    static final String CHARGE_RECORDED = "2026-10-31T21:30:00.000Z";
    static final LocalDate POSTED_ON = LocalDate.of(2026, 11, 1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void aStoredRevisionOneChargeIsReadAsPostedOnTheMoscowDateOfItsRecording() {
        String account = Api.newAccountId();
        byte[] head = store(account, 0, "2026-09-01T07:00:00.000Z", "ru.utility.ledger.core.api.account.AccountOpened",
                """
                {"accountId":"%s","holderName":"Migrated Holder","regionCode":"77","openedOn":"2026-09-01"}"""
                        .formatted(account), EventHashChain.GENESIS);
        store(account, 1, CHARGE_RECORDED, ChargePostedUpcaster.TYPE, """
                {"accountId":"%s","chargeId":"ENERGY-2026-10","billingPeriod":"2026-10","amount":"1234.50",\
                "kwh":"350.500","description":"Electricity for 2026-10","dueDate":"2026-11-16"}""".formatted(account),
                head);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(account).asStream().toList();
        assertThat(events).hasSize(2);
        ChargePosted charge = (ChargePosted) events.get(1).getPayload();
        assertThat(charge.postedOn()).isEqualTo(POSTED_ON);
        assertThat(charge.dueDate()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(charge.amount().toDecimalString()).isEqualTo("1234.50");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", String.class, account)).isEqualTo("1");

        Api api = new Api(port);
        String base = "/api/v1/accounts/" + account;
        assertThat(balanceAsOf(api, base, POSTED_ON.minusDays(1))).isEqualTo("0.00");
        assertThat(balanceAsOf(api, base, POSTED_ON)).isEqualTo("1234.50");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode movements = api.get(base + "/statement?from=2026-11-01&to=2026-11-30", "finance").json()
                    .get("movements");
            assertThat(movements).hasSize(1);
            assertThat(movements.get(0).get("date").asString()).isEqualTo("2026-11-01");
        });
        Api.Response integrity = api.get(base + "/integrity", "auditor");
        assertThat(integrity.json().get("valid").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.json().get("checked").asLong()).isEqualTo(2);
    }

    private static String balanceAsOf(Api api, String base, LocalDate asOf) {
        Api.Response balance = api.get(base + "/balance?asOf=" + asOf, "finance");
        assertThat(balance.status()).as(balance.toString()).isEqualTo(200);
        return balance.json().get("balance").asString();
    }

    /** Stores one event the way the ledger sealed it then, and returns its chain hash. */
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
}
