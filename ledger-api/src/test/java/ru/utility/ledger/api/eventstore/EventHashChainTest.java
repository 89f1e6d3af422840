package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

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
}
