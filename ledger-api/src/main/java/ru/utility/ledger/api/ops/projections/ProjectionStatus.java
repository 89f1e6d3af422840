package ru.utility.ledger.api.ops.projections;

import java.time.Instant;
import java.util.Map;

/**
 * One processor as operations see it.
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
 * @param replay     progress of the newest replay, requested through any node; null if none
 */
public record ProjectionStatus(String name, String state, Long position, long head, long lagEvents, double lagSeconds,
                               int segments, int storedSegments, Map<String, Integer> owners,
                               ReplayProgress replay) {

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
