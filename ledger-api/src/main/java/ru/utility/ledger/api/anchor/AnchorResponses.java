package ru.utility.ledger.api.anchor;

import java.util.List;

import ru.utility.ledger.api.eventstore.MerkleTree;

/** Response bodies of the anchor endpoints ({@link AnchorController}). */
public final class AnchorResponses {

    private AnchorResponses() {
    }

    public record AnchorList(List<ChainAnchoring.Anchor> anchors) {
    }

    /** An anchor with the heads it covers: enough to recompute its root elsewhere. */
    public record AnchorExport(ChainAnchoring.Anchor anchor, List<MerkleTree.Head> heads) {
    }
}
