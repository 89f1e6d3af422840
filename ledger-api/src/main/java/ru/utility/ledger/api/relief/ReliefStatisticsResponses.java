package ru.utility.ledger.api.relief;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.projections.relief.ReliefFigures;
import ru.utility.ledger.projections.relief.ReliefStatisticsQueries;

/** Response bodies of the relief statistics endpoints ({@link ReliefStatisticsController}). */
public final class ReliefStatisticsResponses {

    private ReliefStatisticsResponses() {
    }

    /** @param groupBy null when not grouped; then {@code groups} is empty */
    public record ProgramStatistics(ProgramId programId, String name, ReliefKind kind, LocalDate asOf, String groupBy,
                                    ReliefFigures total, List<Group> groups) {
    }

    public record Group(String key, ReliefFigures figures) {
    }

    public record Summary(LocalDate asOf, List<ReliefStatisticsQueries.ProgramFigures> programs, ReliefFigures total) {
    }
}
