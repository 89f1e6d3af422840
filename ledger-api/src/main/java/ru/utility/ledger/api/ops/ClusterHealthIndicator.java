package ru.utility.ledger.api.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.ops.projections.StoredTokens;

/**
 * The cluster's health, as opposed to this node's (eventProcessors, db): DOWN while a processor segment is
 * claimed by a node that is no longer alive (no heartbeat for the node timeout) or by nobody, since then no
 * node advances that part of the projection; it recovers when a live node takes the segment over, a claim
 * timeout after the owner died. Details list the nodes and, per processor, who holds which segments.
 * A load balancer should watch {@code /actuator/health/node}, not this: a dead peer is no reason to take a
 * healthy node out of service.
 */
@Component("clusterProcessors")
public class ClusterHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    private final ClusterNodes nodes;

    public ClusterHealthIndicator(EventProcessingConfiguration processing, StoredTokens tokens, ClusterNodes nodes) {
        this.processing = processing;
        this.tokens = tokens;
        this.nodes = nodes;
    }

    @Override
    public Health health() {
        List<ClusterNodes.Node> known = nodes.all();
        Set<String> alive = known.stream().filter(ClusterNodes.Node::alive).map(ClusterNodes.Node::nodeId)
                .collect(Collectors.toSet());
        boolean healthy = true;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (String name : processing.eventProcessors().keySet()) {
            if (processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
                continue;
            }
            List<StoredTokens.Segment> segments = tokens.of(name);
            Map<String, List<Integer>> owners = new LinkedHashMap<>();
            List<Integer> orphaned = new ArrayList<>();
            for (StoredTokens.Segment segment : segments) {
                String owner = segment.owner() == null ? "(none)" : segment.owner();
                owners.computeIfAbsent(owner, o -> new ArrayList<>()).add(segment.segment());
                if (!alive.contains(owner)) {
                    orphaned.add(segment.segment());
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("owners", owners);
            detail.put("orphanedSegments", orphaned);
            processors.put(name, detail);
            healthy &= orphaned.isEmpty();
        }
        Map<String, Object> nodeDetails = new LinkedHashMap<>();
        for (ClusterNodes.Node node : known) {
            nodeDetails.put(node.nodeId(), Map.of("alive", node.alive(), "lastSeen", node.lastSeen().toString()));
        }
        return (healthy ? Health.up() : Health.down())
                .withDetail("self", nodes.self())
                .withDetail("nodes", nodeDetails)
                .withDetail("processors", processors)
                .build();
    }
}
