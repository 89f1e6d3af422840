package ru.utility.ledger.api.ops.projections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One projection (or process) as operations see it, through the processor that runs it: position, state,
 * segments and replay are that processor's.
 *
 * @param position   the lowest global index every segment has processed, whichever node holds it (from the
 *                   token table, so the same on every node); null before any segment was stored
 * @param head       the highest global index in the event store
 * @param lagEvents  stored events after {@code position}
 * @param lagSeconds age of the oldest event not yet processed, 0 when caught up
 * @param state      this node's processor: RUNNING, REPLAYING (a replay under way anywhere), ERROR or STOPPED
 * @param segments   segments this node's processor has claimed
 * @param storedSegments segments in the token table
 * @param owners     per node, the segments it claims
 * @param replay     progress of the newest replay of its processor, requested through any node; null if none
 * @param processor  the event processor that runs it: its own name, or the shared one
 *                   ({@code ledger.projections.shared-processor})
 * @param sharedWith the other projections of that processor, which a replay of this one rebuilds too; empty
 *                   when it has a processor of its own
 */
public record ProjectionStatus(String name, String state, Long position, long head, long lagEvents, double lagSeconds,
                               int segments, int storedSegments, Map<String, Integer> owners,
                               ReplayProgress replay, String processor, List<String> sharedWith) {

    /**
     * @param processed    events processed since the replay started
     * @param total        events in the store when it started
     * @param ratePerSecond processed / elapsed
     * @param etaSeconds   remaining / rate; null while the rate is unknown
     * @param state        STOPPING (nodes are stopping the processor), RUNNING or FINISHED
     * @param requestedBy  the node it was requested through
     * @param resetBy      the node that reset the tokens, null until then
     */
    public record ReplayProgress(Instant startedAt, boolean finished, long processed, long total,
                                 double ratePerSecond, Double etaSeconds, Instant finishedAt, String state,
                                 String requestedBy, String resetBy) {
    }
}
