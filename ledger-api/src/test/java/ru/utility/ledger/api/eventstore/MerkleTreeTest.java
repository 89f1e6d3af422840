package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Expected roots computed independently with Python's hashlib from the rule in MerkleTree's comment. */
class MerkleTreeTest {

    private static final MerkleTree.Head FIRST = new MerkleTree.Head("ACC-0001", 4, "11".repeat(32));
    private static final MerkleTree.Head SECOND = new MerkleTree.Head("ACC-0002", 0, "22".repeat(32));
    private static final MerkleTree.Head THIRD = new MerkleTree.Head("PROGRAM:COMP-50", 2, "");

    @Test
    void threeHeadsPairTheFirstTwoAndCarryTheThirdUp() {
        assertThat(MerkleTree.root(List.of(FIRST, SECOND, THIRD)))
                .isEqualTo("31ff7aa69f49beeb66489677267250bc810bb2dba35d74f8a95f85935bc02d1b");
    }

    @Test
    void oneHeadIsItsLeaf() {
        assertThat(MerkleTree.root(List.of(FIRST)))
                .isEqualTo("fb87bf197ad2ad9ab9c9d39b9cdc4d17cfeecbe5aeb2f88cf044917d3ba5db7b");
    }

    @Test
    void noHeadsIsTheHashOfNothing() {
        assertThat(MerkleTree.root(List.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void anyChangeToAHeadChangesTheRoot() {
        String root = MerkleTree.root(List.of(FIRST, SECOND, THIRD));
        assertThat(MerkleTree.root(List.of(new MerkleTree.Head("ACC-0001", 3, FIRST.hash()), SECOND, THIRD)))
                .isNotEqualTo(root);
        assertThat(MerkleTree.root(List.of(FIRST, SECOND))).isNotEqualTo(root);
        assertThat(MerkleTree.root(List.of(SECOND, FIRST, THIRD))).isNotEqualTo(root);
    }
}
