package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventHashChainTest {

    static EventHashChain.StoredEvent event(String payload, String metaData) {
        return new EventHashChain.StoredEvent("e-1", "77-0001", 3, "Account", "2026-11-25T09:00:00.000Z",
                "ru.utility.ledger.core.api.account.PaymentRecorded", "1", payload.getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHashDependsOnContentAndPredecessorButNotOnMetadataKeyOrderOrTheHashItself() {
        byte[] previous = EventHashChain.hash(EventHashChain.GENESIS, event("{\"a\":1}", "{}"));
        byte[] hash = EventHashChain.hash(previous, event("{\"amount\":\"10.00\"}", "{\"actor\":\"op\",\"requestId\":\"r\"}"));

        assertThat(EventHashChain.hash(previous, event("{\"amount\":\"10.00\"}",
                "{\"requestId\":\"r\",\"actor\":\"op\",\"hash\":\"ab\"}"))).isEqualTo(hash);
        assertThat(EventHashChain.hash(previous, event("{\"amount\":\"10.01\"}", "{\"actor\":\"op\",\"requestId\":\"r\"}")))
                .isNotEqualTo(hash);
        assertThat(EventHashChain.hash(previous, event("{\"amount\":\"10.00\"}", "{\"actor\":\"x\",\"requestId\":\"r\"}")))
                .isNotEqualTo(hash);
        assertThat(EventHashChain.hash(EventHashChain.GENESIS, event("{\"amount\":\"10.00\"}",
                "{\"actor\":\"op\",\"requestId\":\"r\"}"))).isNotEqualTo(hash);
        assertThat(EventHashChain.hex(hash)).hasSize(64);
        assertThat(EventHashChain.storedHash("{\"hash\":\"ab\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("ab");
        assertThat(EventHashChain.storedHash("{}".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    static EventHashChain.StoredEvent event(long sequence, String payload, String metaData) {
        return new EventHashChain.StoredEvent("e-" + sequence, "77-0001", sequence, "Account",
                "2026-11-25T09:00:00.000Z", "ru.utility.ledger.core.api.account.PaymentRecorded", "1",
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJcsEventHashesItsJsonValuesNotTheirSpelling() {
        String jcs = "{\"actor\":\"op\",\"hashScheme\":\"jcs\"}";
        byte[] hash = EventHashChain.hash(EventHashChain.GENESIS, event(1, "{\"amount\":\"10.00\",\"n\":2}", jcs));
        assertThat(EventHashChain.hash(EventHashChain.GENESIS, event(1, "{ \"n\" : 2.0,\n \"amount\":\"\\u0031\\u0030.00\" }",
                "{\"hashScheme\":\"jcs\", \"actor\":\"op\", \"hash\":\"ab\"}"))).as("same values, other bytes").isEqualTo(hash);
        assertThat(EventHashChain.hash(EventHashChain.GENESIS, event(1, "{\"amount\":\"10.01\",\"n\":2}", jcs)))
                .isNotEqualTo(hash);
        assertThat(EventHashChain.hash(EventHashChain.GENESIS, event(1, "{\"amount\":\"10.00\",\"n\":2}",
                "{\"actor\":\"op\"}"))).as("the scheme is part of what is hashed").isNotEqualTo(hash);
        assertThat(new String(EventHashChain.canonical(event(1, "{\"b\":1,\"a\":[]}", jcs)), StandardCharsets.UTF_8))
                .isEqualTo("{\"aggregateIdentifier\":\"77-0001\",\"eventIdentifier\":\"e-1\","
                        + "\"metaData\":{\"actor\":\"op\",\"hashScheme\":\"jcs\"},\"payload\":{\"a\":[],\"b\":1},"
                        + "\"payloadRevision\":\"1\",\"payloadType\":\"ru.utility.ledger.core.api.account.PaymentRecorded\","
                        + "\"sequenceNumber\":1,\"timeStamp\":\"2026-11-25T09:00:00.000Z\",\"type\":\"Account\"}");
        assertThatThrownBy(() -> EventHashChain.hash(EventHashChain.GENESIS, event(1, "{}",
                "{\"hashScheme\":\"sha3-xml\"}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown hash scheme");
    }

    /** Events sealed before the scheme was named verify in the first form, the later ones in RFC 8785's. */
    @Test
    void aChainThatMixesBothSchemesVerifiesAndATamperedLinkInEitherIsFound() {
        List<EventHashChain.StoredEvent> chain = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        byte[] previous = EventHashChain.GENESIS;
        for (int sequence = 0; sequence < 4; sequence++) {
            String metaData = sequence < 2 ? "{\"actor\":\"op\"}" : "{\"actor\":\"op\",\"hashScheme\":\"jcs\"}";
            EventHashChain.StoredEvent event = event(sequence, "{\"amount\":\"" + (sequence + 1) + "0.00\"}", metaData);
            previous = EventHashChain.hash(previous, event);
            chain.add(event);
            hashes.add(previous);
        }
        assertThat(firstBroken(chain, hashes)).isEqualTo(-1);

        for (int tampered : new int[] {1, 3}) {
            List<EventHashChain.StoredEvent> altered = new ArrayList<>(chain);
            EventHashChain.StoredEvent original = chain.get(tampered);
            altered.set(tampered, event(tampered, "{\"amount\":\"99.00\"}",
                    new String(original.metaData(), StandardCharsets.UTF_8)));
            assertThat(firstBroken(altered, hashes)).as("amount changed in event %d", tampered).isEqualTo(tampered);
        }
        List<EventHashChain.StoredEvent> downgraded = new ArrayList<>(chain);
        downgraded.set(2, event(2, "{\"amount\":\"30.00\"}", "{\"actor\":\"op\"}"));
        assertThat(firstBroken(downgraded, hashes)).as("scheme entry removed").isEqualTo(2);
        List<EventHashChain.StoredEvent> respelled = new ArrayList<>(chain);
        respelled.set(0, event(0, "{ \"amount\": \"10.00\" }", "{\"actor\":\"op\"}"));
        assertThat(firstBroken(respelled, hashes)).as("the first form hashed the payload's bytes").isEqualTo(0);
    }

    /** What StoredEvents.verify does with the stored hashes: the first sequence whose hash does not hold. */
    private static int firstBroken(List<EventHashChain.StoredEvent> chain, List<byte[]> stored) {
        byte[] previous = EventHashChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            if (!Arrays.equals(EventHashChain.hash(previous, chain.get(i)), stored.get(i))) {
                return i;
            }
            previous = stored.get(i);
        }
        return -1;
    }
}
