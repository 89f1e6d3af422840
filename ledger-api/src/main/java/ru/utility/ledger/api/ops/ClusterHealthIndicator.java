package ru.utility.ledger.api.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.ops.projections.StoredTokens;

/**
 * The cluster's health, as opposed to this node's (eventProcessors, db). A processor segment held by a node
 * that is no longer alive (no heartbeat for the node timeout), or by nobody, advances nowhere: DEGRADED while
 * a live node can still take it over (its claim is younger than the claim timeout plus the node timeout),
 * STALLED once that time has passed and no node has. Details list the nodes and, per processor, who holds
 * which segments (a processor's segments carry every processing group it runs: the shared processor's, all four
 * of its projections). Both answer 503 on {@code /actuator/health/cluster} but leave the overall health at 200
 * (application.yaml): a dead peer or a stalled projection is no reason to take healthy nodes out of service;
 * a load balancer watches {@code /actuator/health/node}.
 */
@Component("clusterProcessors")
public class ClusterHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final StoredTokens tokens;
    public static final Status DEGRADED = new Status("DEGRADED", "segments of a dead node await takeover");
    public static final Status STALLED = new Status("STALLED", "segments no live node has taken over");

    private final ClusterNodes nodes;
    private final Duration takeoverTime;
    private final Clock clock;
    private final ProjectionProcessors layout;

    public ClusterHealthIndicator(EventProcessingConfiguration processing, StoredTokens tokens, ClusterNodes nodes,
                                  ClusterProperties cluster, Clock clock, ProjectionProcessors layout) {
        this.processing = processing;
        this.layout = layout;
        this.tokens = tokens;
        this.nodes = nodes;
        this.takeoverTime = cluster.claimTimeout().plus(nodes.timeout());
        this.clock = clock;
    }

    @Override
    public Health health() {
        List<ClusterNodes.Node> known = nodes.all();
        Set<String> alive = known.stream().filter(ClusterNodes.Node::alive).map(ClusterNodes.Node::nodeId)
                .collect(Collectors.toSet());
        Instant stalledBefore = clock.instant().minus(takeoverTime);
        boolean degraded = false;
        boolean stalled = false;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (String name : processing.eventProcessors().keySet()) {
            if (processing.eventProcessor(name, StreamingEventProcessor.class).isEmpty()) {
                continue;
            }
            List<StoredTokens.Segment> segments = tokens.of(name);
            Map<String, List<Integer>> owners = new LinkedHashMap<>();
            List<Integer> orphaned = new ArrayList<>();
            List<Integer> notTakenOver = new ArrayList<>();
            for (StoredTokens.Segment segment : segments) {
                String owner = segment.owner() == null ? "(none)" : segment.owner();
                owners.computeIfAbsent(owner, o -> new ArrayList<>()).add(segment.segment());
                if (!alive.contains(owner)) {
                    orphaned.add(segment.segment());
                    if (segment.claimedAt() == null || segment.claimedAt().isBefore(stalledBefore)) {
                        notTakenOver.add(segment.segment());
                    }
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("processingGroups", layout.groupsOf(name));
            detail.put("owners", owners);
            detail.put("orphanedSegments", orphaned);
            detail.put("notTakenOverSegments", notTakenOver);
            processors.put(name, detail);
            degraded |= !orphaned.isEmpty();
            stalled |= !notTakenOver.isEmpty();
        }
        Map<String, Object> nodeDetails = new LinkedHashMap<>();
        for (ClusterNodes.Node node : known) {
            nodeDetails.put(node.nodeId(), Map.of("alive", node.alive(), "lastSeen", node.lastSeen().toString()));
        }
        return Health.status(stalled ? STALLED : degraded ? DEGRADED : Status.UP)
                .withDetail("self", nodes.self())
                .withDetail("nodes", nodeDetails)
                .withDetail("processors", processors)
                .build();
    }
}
