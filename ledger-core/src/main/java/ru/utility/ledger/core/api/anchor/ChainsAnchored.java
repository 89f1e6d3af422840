package ru.utility.ledger.core.api.anchor;

import org.axonframework.serialization.Revision;

import ru.utility.ledger.core.api.AnchorLogId;

@Revision("1")
public record ChainsAnchored(AnchorLogId logId, long number, String merkleRoot, int chains, long upToGlobalIndex)
        implements AnchorEvent {
}
