package ru.utility.ledger.api.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which nodes are alive: each records a heartbeat every poll interval (ClusterReplays' poller); one not seen
 * for {@link #NODE_TIMEOUT_POLLS} intervals is taken for dead. Uses the ledger's clock, as the token store does.
 */
@Component
public class ClusterNodes {

    static final int NODE_TIMEOUT_POLLS = 5;

    public record Node(String nodeId, Instant startedAt, Instant lastSeen, boolean alive) {
    }

    private final JdbcTemplate jdbc;
    private final ClusterProperties cluster;
    private final Clock clock;
    private final Instant startedAt;

    public ClusterNodes(JdbcTemplate jdbc, ClusterProperties cluster, Clock clock) {
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public void beat() {
        jdbc.update("""
                INSERT INTO cluster_node (node_id, started_at, last_seen) VALUES (?, ?, ?)
                ON CONFLICT (node_id) DO UPDATE SET started_at = excluded.started_at, last_seen = excluded.last_seen""",
                cluster.nodeId(), Timestamp.from(startedAt), Timestamp.from(clock.instant()));
    }

    public List<Node> all() {
        Instant aliveAfter = clock.instant().minus(timeout());
        return jdbc.query("SELECT node_id, started_at, last_seen FROM cluster_node ORDER BY node_id", (rs, n) -> {
            Instant lastSeen = rs.getTimestamp("last_seen").toInstant();
            return new Node(rs.getString("node_id"), rs.getTimestamp("started_at").toInstant(), lastSeen,
                    lastSeen.isAfter(aliveAfter));
        });
    }

    public Duration timeout() {
        return cluster.pollInterval().multipliedBy(NODE_TIMEOUT_POLLS);
    }

    public String self() {
        return cluster.nodeId();
    }
}
