package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which processor runs which group, in the default layout and in the shared one. */
class ProjectionProcessorsTest {

    @Test
    void byDefaultEveryGroupIsItsOwnProcessor() {
        ProjectionProcessors layout = new ProjectionProcessors("");
        assertThat(layout.shared()).isEmpty();
        for (String group : List.of("balances", "statements", "overdue", "relief-statistics", "feed")) {
            assertThat(layout.processorOf(group)).isEqualTo(group);
            assertThat(layout.groupsOf(group)).containsExactly(group);
            assertThat(layout.sharedWith(group)).isEmpty();
        }
    }

    @Test
    void theSharedProcessorRunsTheFourAndNothingElse() {
        ProjectionProcessors layout = new ProjectionProcessors(" read-models ");
        assertThat(layout.shared()).contains("read-models");
        assertThat(layout.processorOf("statements")).isEqualTo("read-models");
        assertThat(layout.groupsOf("read-models"))
                .containsExactly("balances", "statements", "overdue", "relief-statistics");
        assertThat(layout.sharedWith("overdue")).containsExactly("balances", "statements", "relief-statistics");
        assertThat(layout.processorOf("feed")).isEqualTo("feed");
        assertThat(layout.processorOf("programme-moratoria")).isEqualTo("programme-moratoria");
        assertThat(layout.sharedWith("feed")).isEmpty();
    }

    @Test
    void aGroupsNameIsRefusedAsTheSharedProcessorsName() {
        for (String taken : List.of("balances", "feed", "relief-enrolment")) {
            assertThatThrownBy(() -> new ProjectionProcessors(taken)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledger.projections.shared-processor=" + taken);
        }
    }
}
