package ru.utility.ledger.api.ops.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.ops.ProjectionProcessors;

/**
 * Replays follow the processor: in the shared layout a replay of one projection is the shared processor's, and a
 * request for another of its projections while it runs is refused with what is being rebuilt; one that has
 * caught up no longer stands in the way.
 */
class SharedProcessorReplayTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor shared = mock(StreamingEventProcessor.class);
    private final ClusterReplays replays = mock(ClusterReplays.class);
    private final StoredTokens tokens = mock(StoredTokens.class);
    private final ProjectionOperations operations = new ProjectionOperations(new ProjectionCatalog(), processing,
            mock(JdbcTemplate.class), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC), tokens, replays,
            new ProjectionProcessors("read-models"));

    SharedProcessorReplayTest() {
        when(processing.eventProcessor("read-models", StreamingEventProcessor.class)).thenReturn(Optional.of(shared));
        when(shared.supportsReset()).thenReturn(true);
        when(shared.isRunning()).thenReturn(true);
        when(shared.processingStatus()).thenReturn(Map.of());
        when(tokens.of(anyString())).thenReturn(List.of());
    }

    @Test
    void aReplayOfOneProjectionIsTheSharedProcessors() {
        when(replays.latest("read-models")).thenReturn(Optional.empty());

        ProjectionStatus status = operations.replay("statements");

        verify(replays).request("read-models", 0, 0);
        assertThat(status.processor()).isEqualTo("read-models");
        assertThat(status.sharedWith()).containsExactly("balances", "overdue", "relief-statistics");
    }

    @Test
    void anotherProjectionOfAReplayingProcessorIsRefused() {
        ClusterReplays.Replay running = replay("RUNNING");
        when(replays.latest("read-models")).thenReturn(Optional.of(running));
        when(replays.finishIfCaughtUp(running)).thenReturn(false);

        assertThatThrownBy(() -> operations.replay("balances")).isInstanceOf(ReplayRefusedException.class)
                .hasMessageContaining("read-models is replaying")
                .hasMessageContaining("statements, overdue, relief-statistics");
        verify(replays, never()).request(anyString(), anyLong(), anyLong());
    }

    @Test
    void aReplayThatHasCaughtUpDoesNotStandInTheWay() {
        ClusterReplays.Replay caughtUp = replay("RUNNING");
        when(replays.latest("read-models")).thenReturn(Optional.of(caughtUp));
        when(replays.finishIfCaughtUp(caughtUp)).thenReturn(true);

        operations.replay("overdue");

        verify(replays).request("read-models", 0, 0);
    }

    private static ClusterReplays.Replay replay(String state) {
        return new ClusterReplays.Replay(3, "read-models", state, "node-a", NOW, 10, 10, "node-a", NOW, null);
    }
}
