-- Every node records here, each poll interval, that it is alive (ClusterNodes). The cluster health reads it to
-- tell a dead node's orphaned processor segments from a live node's; nothing else depends on it.
CREATE TABLE cluster_node (
    node_id    VARCHAR(255) PRIMARY KEY,
    started_at TIMESTAMPTZ  NOT NULL,
    last_seen  TIMESTAMPTZ  NOT NULL
);
