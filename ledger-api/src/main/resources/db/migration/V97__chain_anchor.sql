-- The chain heads each anchor covers (ChainAnchoring). The anchor itself, with the Merkle root over these rows,
-- is the ChainsAnchored event of stream ANCHORS:CHAINS, published on the feed and Kafka, so that a copy lives
-- outside this database. Written in the same transaction as that event.
CREATE TABLE chain_anchor_head (
    anchor_number        BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 VARCHAR(64)  NOT NULL,
    PRIMARY KEY (anchor_number, aggregate_identifier)
);
