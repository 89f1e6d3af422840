package ru.utility.ledger.api.ops;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.relief.ProgrammeMoratoriumWindows;
import ru.utility.ledger.api.relief.ReliefEnrolmentSaga;
import ru.utility.ledger.projections.balance.BalanceProjection;
import ru.utility.ledger.projections.feed.FeedProjection;
import ru.utility.ledger.projections.overdue.OverdueProjection;
import ru.utility.ledger.projections.relief.ProgrammeMoratoriumProjection;
import ru.utility.ledger.projections.relief.ReliefStatisticsProjection;
import ru.utility.ledger.projections.statement.StatementProjection;

/**
 * Which event processor runs which processing group. By default every group has a processor of its own, named
 * after it. {@code ledger.projections.shared-processor} names one pooled processor that runs the balances,
 * statements, overdue and relief statistics projections together instead: one event stream, one deserialisation,
 * one transaction and one token per batch for the four. It replays at half the CPU per event, but the balances
 * wait for the other three's writes and lag by seconds under load (docs/contributing/performance.md, step 14).
 * Each
 * keeps its own group, guard and tables; what follows the processor is its tokens, its replays (a reset replays
 * every group it runs) and its transaction manager. The feed (one segment, dense positions) and the programme
 * moratoria keep processors of their own.
 */
@Component
public class ProjectionProcessors {

    /** The groups a shared processor runs, in the catalog's order. */
    public static final List<String> SHAREABLE = List.of(BalanceProjection.PROCESSING_GROUP,
            StatementProjection.PROCESSING_GROUP, OverdueProjection.PROCESSING_GROUP,
            ReliefStatisticsProjection.PROCESSING_GROUP);

    // Reusing a group's name would hand its stored tokens and replay rows to a processor that means another thing.
    private static final List<String> TAKEN = List.of(FeedProjection.PROCESSING_GROUP,
            ProgrammeMoratoriumProjection.PROCESSING_GROUP, ReliefEnrolmentSaga.PROCESSING_GROUP, ProgrammeMoratoriumWindows.PROCESSING_GROUP);

    private final String shared;

    public ProjectionProcessors(@Value("${ledger.projections.shared-processor:}") String shared) {
        String name = shared == null ? "" : shared.trim();
        if (SHAREABLE.contains(name) || TAKEN.contains(name)) {
            throw new IllegalStateException("ledger.projections.shared-processor=" + name
                    + " is a processing group's name; name the shared processor apart, e.g. read-models");
        }
        this.shared = name;
    }

    /** The shared processor's name; empty in the default layout (a processor per projection). */
    public Optional<String> shared() {
        return shared.isEmpty() ? Optional.empty() : Optional.of(shared);
    }

    /** The processor that runs a processing group; a name that is no shareable group is returned as it is. */
    public String processorOf(String group) {
        return !shared.isEmpty() && SHAREABLE.contains(group) ? shared : group;
    }

    /** The processing groups a processor runs: the four for the shared one, else the one of its own name. */
    public List<String> groupsOf(String processor) {
        return !shared.isEmpty() && shared.equals(processor) ? SHAREABLE : List.of(processor);
    }

    /** The other groups run by the same processor, which a replay of {@code group} rebuilds too. */
    public List<String> sharedWith(String group) {
        return groupsOf(processorOf(group)).stream().filter(g -> !g.equals(group)).toList();
    }
}
