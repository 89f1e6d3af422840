package ru.utility.ledger.api.ops;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several ledger nodes on one database (docs/operating/cluster.md, "Several nodes").
 *
 * @param nodeId       the name this node claims processor segments and records replay progress under; unique
 *                     per node. Default: the JVM's name (pid@host), unique per process but not per context
 * @param claimTimeout a segment whose owner has not renewed its claim for this long is taken over by another
 *                     node: the longest a dead node's projections stay still
 * @param pollInterval how often a node looks for replays requested through another node
 */
@ConfigurationProperties("ledger.cluster")
public record ClusterProperties(String nodeId,
                                @DefaultValue("10s") Duration claimTimeout,
                                @DefaultValue("1s") Duration pollInterval) {

    public ClusterProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("ledger.cluster.claim-timeout must be positive, was " + claimTimeout);
        }
    }
}
