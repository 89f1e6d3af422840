package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.core.api.AccountId;

/**
 * An account whose first event was sealed in the first hash form (before the scheme was named) and whose later
 * events the ledger seals now, in RFC 8785's: the chain verifies across the change, a tampered event of either
 * form is found, and re-spelling a new event's JSON without changing its values does not break its link.
 */
@LedgerIntegrationTest
class HashSchemesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StoredEvents storedEvents;

    @Test
    void aChainSealedInBothFormsVerifiesAndTamperingIsFoundInEither() {
        Api api = new Api(port);
        String account = Api.newAccountId();
        storeFirstFormOpening(account);
        String base = "/api/v1/accounts/" + account;
        assertThat(api.post(base + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "10.00"}""".formatted(TestDates.currentPeriod())).status())
                .isIn(200, 201);
        assertThat(api.post(base + "/payments", "operator", """
                {"paymentId": "HS-1", "amount": "2.50", "channel": "CASH_OFFICE"}""").status()).isEqualTo(201);

        assertThat(metaData(account, 0)).doesNotContain("hashScheme");
        assertThat(metaData(account, 1)).contains("\"hashScheme\":\"jcs\"");
        Api.Response intact = api.get(base + "/integrity", "auditor");
        assertThat(intact.json().get("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.json().get("checked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(intact.json().get("unsealed").asLong()).isZero();

        AccountId id = AccountId.of(account);
        assertThat(afterRewrite(account, 0, p -> p.replace("First Form", "Other Holder"), id).firstBroken().sequence())
                .as("a first-form event changed").isEqualTo(0);
        assertThat(afterRewrite(account, 1, p -> p.replace("\"10.00\"", "\"1.00\""), id).firstBroken().sequence())
                .as("an RFC 8785 event changed").isEqualTo(1);
        assertThat(afterRewrite(account, 1, HashSchemesTest::respell, id).valid())
                .as("an RFC 8785 event re-spelled, its values unchanged").isTrue();
        assertThat(afterRewrite(account, 0, HashSchemesTest::respell, id).firstBroken().sequence())
                .as("the first form hashed the payload's bytes").isEqualTo(0);
        assertThat(storedEvents.verify(id).valid()).as("every rewrite was rolled back").isTrue();
    }

    /** The same JSON values in other bytes: the properties in reverse order, indented, non-ASCII escaped. */
    private static String respell(String payload) {
        JsonNode parsed = JSON.readTree(payload);
        ObjectNode reversed = JSON.createObjectNode();
        List<String> names = new ArrayList<>(parsed.propertyNames());
        Collections.reverse(names);
        names.forEach(name -> reversed.set(name, parsed.get(name)));
        return JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()
                .writerWithDefaultPrettyPrinter().writeValueAsString(reversed);
    }

    /** Verifies with one event's payload rewritten, inside a transaction that is then rolled back. */
    private IntegrityReport afterRewrite(String account, long sequence,
                                         java.util.function.UnaryOperator<String> rewrite, AccountId id) {
        return transactions.execute(tx -> {
            jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            String payload = new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, account, sequence),
                    StandardCharsets.UTF_8);
            String rewritten = rewrite.apply(payload);
            assertThat(rewritten).isNotEqualTo(payload);
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    rewritten.getBytes(StandardCharsets.UTF_8), account, sequence);
            IntegrityReport report = storedEvents.verify(id);
            tx.setRollbackOnly();
            return report;
        });
    }

    private String metaData(String account, long sequence) {
        return new String(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = ?", byte[].class, account, sequence), StandardCharsets.UTF_8);
    }

    /** The account's opening as the ledger sealed it before the scheme was named (no hashScheme entry). */
    private void storeFirstFormOpening(String account) {
        String eventId = UUID.nameUUIDFromBytes((account + "/0").getBytes(StandardCharsets.UTF_8)).toString();
        String timeStamp = DateTimeUtils.formatInstant(TestDates.clock().instant().minusSeconds(86_400));
        String payloadType = "ru.utility.ledger.core.api.account.AccountOpened";
        byte[] payload = """
                {"accountId":"%s","holderName":"First Form","regionCode":"77","openedOn":"%s"}"""
                .formatted(account, TestDates.today().minusYears(2)).getBytes(StandardCharsets.UTF_8);
        byte[] unsealed = "{\"actor\":\"migration\"}".getBytes(StandardCharsets.UTF_8);
        byte[] hash = EventHashChain.hash(EventHashChain.GENESIS, new EventHashChain.StoredEvent(eventId, account, 0,
                "Account", timeStamp, payloadType, "1", payload, unsealed));
        byte[] metaData = ("{\"actor\":\"migration\",\"hash\":\"" + EventHashChain.hex(hash) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Account', ?, ?, '1', ?, ?)""",
                eventId, account, timeStamp, payloadType, payload, metaData);
    }
}
