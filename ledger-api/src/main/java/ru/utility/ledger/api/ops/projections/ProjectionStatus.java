package ru.utility.ledger.api.ops.projections;

import java.time.Instant;

/**
 * One processor as operations see it.
 *
 * @param position   the lowest global index every segment has processed; null before any segment is claimed
 * @param head       the highest global index in the event store
 * @param lagEvents  stored events after {@code position}
 * @param lagSeconds age of the oldest event not yet processed, 0 when caught up
 * @param state      RUNNING, REPLAYING, ERROR or STOPPED
 * @param replay     progress of the last replay started on this node, null if none
 */
public record ProjectionStatus(String name, String state, Long position, long head, long lagEvents, double lagSeconds,
                               int segments, ReplayProgress replay) {

    /**
     * @param processed    events processed since the replay started
     * @param total        events in the store when it started
     * @param ratePerSecond processed / elapsed
     * @param etaSeconds   remaining / rate; null while the rate is unknown
     */
    public record ReplayProgress(Instant startedAt, boolean finished, long processed, long total,
                                 double ratePerSecond, Double etaSeconds, Instant finishedAt) {
    }
}
