package ru.utility.ledger.projections.feed.contract;

/**
 * A checkpoint of every stream's hash-chain head: the Merkle root over (stream, sequence, hash) of each head.
 * {@code accountId} is the anchor log's stream ({@code ANCHORS:CHAINS}), the key all anchors share.
 */
public record ChainsAnchoredV1(String accountId, long number, String merkleRoot, int chains, long upToGlobalIndex)
        implements PublicEvent {
}
