package ru.utility.ledger.api.ops.projections;

import java.util.List;

/**
 * Replay equals live: each projection rebuilt from the events into shadow tables and compared with the
 * live tables row by row (MD5 of each row, keyed by the table's key).
 *
 * @param eventsReplayed events fed to the shadow projections
 * @param upToIndex      the highest global index replayed; compare with each live projection's position
 */
public record ReplayCheckReport(boolean equal, long eventsReplayed, long upToIndex, List<TableCheck> tables) {

    /** At most {@link ReplayCheck#MAX_REPORTED} differences are listed; {@code differenceCount} counts all. */
    public record TableCheck(String projection, String table, long liveRows, long shadowRows, String liveChecksum,
                             String shadowChecksum, long differenceCount, List<RowDifference> differences) {
    }

    /** @param kind MISSING_IN_SHADOW, MISSING_IN_LIVE or DIFFERENT */
    public record RowDifference(String key, String kind, String liveRow, String shadowRow) {
    }
}
