package ru.utility.ledger.core.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AnchorLogId;
import ru.utility.ledger.core.api.anchor.AnchorChains;
import ru.utility.ledger.core.api.anchor.ChainsAnchored;

/** The stored form of the anchor log's event (lives beside ApprovedJson, which it uses), and its command's checks. */
class AnchorEventJsonTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void theJsonFormIsApprovedAndReadsBack() {
        ChainsAnchored event = new ChainsAnchored(AnchorLogId.CHAINS, 7,
                "3f0c2b8e4d1a5f6e7b8c9d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e", 1250, 98_765);
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        ApprovedJson.verify("ChainsAnchored", serialized.getData());
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void theCommandRefusesWhatCannotBeAnAnchor() {
        assertThatThrownBy(() -> new AnchorChains(AnchorLogId.CHAINS, 0, "a".repeat(64), 1, 1))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> new AnchorChains(AnchorLogId.CHAINS, 1, "A".repeat(64), 1, 1))
                .hasMessageContaining("merkleRoot");
        assertThatThrownBy(() -> new AnchorChains(AnchorLogId.CHAINS, 1, "a".repeat(63), 1, 1))
                .hasMessageContaining("merkleRoot");
        assertThatThrownBy(() -> new AnchorChains(AnchorLogId.CHAINS, 1, "a".repeat(64), -1, 1))
                .hasMessageContaining("chains");
        assertThatThrownBy(() -> AnchorLogId.of("chains")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AnchorLogId.CHAINS.toString()).isEqualTo("ANCHORS:CHAINS");
    }
}
