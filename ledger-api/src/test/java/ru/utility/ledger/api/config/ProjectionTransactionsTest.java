package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.utility.ledger.api.ops.ProjectionProcessors;

/**
 * Asynchronous commits follow the processor: Axon keys transaction managers by processor name, so in the shared
 * layout a listed group of the four relaxes the one shared processor.
 */
class ProjectionTransactionsTest {

    private static final List<String> DEFAULT = List.of("balances", " statements", "overdue", "");

    @Test
    void inTheDefaultLayoutEachListedGroupsProcessor() {
        assertThat(ProjectionTransactions.relaxedProcessors(DEFAULT, new ProjectionProcessors("")))
                .containsExactly("balances", "statements", "overdue");
    }

    @Test
    void inTheSharedLayoutTheSharedProcessorOnceWhenAnyOfItsGroupsIsListed() {
        ProjectionProcessors shared = new ProjectionProcessors("read-models");
        assertThat(ProjectionTransactions.relaxedProcessors(DEFAULT, shared)).containsExactly("read-models");
        assertThat(ProjectionTransactions.relaxedProcessors(List.of("relief-statistics", "feed"), shared))
                .containsExactly("read-models", "feed");
        assertThat(ProjectionTransactions.relaxedProcessors(List.of("read-models"), shared))
                .containsExactly("read-models");
        assertThat(ProjectionTransactions.relaxedProcessors(List.of(""), shared)).isEmpty();
    }
}
