package ru.utility.ledger.api.ops.projections;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;

import ru.utility.ledger.api.ops.ClusterNodes;
import ru.utility.ledger.api.ops.ClusterProperties;

/**
 * A node that stopped its processor for a replay starts it again even when the replay finished before the node's
 * poller saw it RUNNING: the other node reset the segments, caught up, and a status read marked it FINISHED. The
 * two-node operations test met this under load as a processor left STOPPED for good.
 */
class ClusterReplaysRestartTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final StreamingEventProcessor balances = mock(StreamingEventProcessor.class);
    private final ClusterReplays replays = new ClusterReplays(processing, jdbc, mock(PlatformTransactionManager.class),
            mock(StoredTokens.class), new ClusterProperties("node-a", Duration.ofSeconds(10), Duration.ofSeconds(1)),
            Clock.fixed(NOW, ZoneOffset.UTC), mock(ClusterNodes.class));

    @Test
    void aProcessorStoppedForAReplayThatFinishedElsewhereIsStartedAgain() {
        when(processing.eventProcessor("balances", StreamingEventProcessor.class)).thenReturn(Optional.of(balances));
        when(balances.isRunning()).thenReturn(true);
        activeReplays(replay("STOPPING"));
        // The other node already holds the row past STOPPING, so this node cannot reset.
        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of("RUNNING"));

        replays.poll();

        verify(balances).shutDown();
        verify(balances, never()).start();

        when(balances.isRunning()).thenReturn(false);
        activeReplays();

        replays.poll();

        verify(balances).start();
    }

    @Test
    void aProcessorStoppedByHandIsNotStartedByThePoller() {
        when(processing.eventProcessor("balances", StreamingEventProcessor.class)).thenReturn(Optional.of(balances));
        when(balances.isRunning()).thenReturn(false);
        activeReplays();

        replays.poll();

        verify(balances, never()).start();
    }

    @Test
    void aNewReplayOfTheSameProcessorKeepsItStopped() {
        when(processing.eventProcessor("balances", StreamingEventProcessor.class)).thenReturn(Optional.of(balances));
        when(balances.isRunning()).thenReturn(true);
        activeReplays(replay("STOPPING"));
        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of("RUNNING"));
        replays.poll();

        when(balances.isRunning()).thenReturn(false);
        activeReplays(new ClusterReplays.Replay(8, "balances", "STOPPING", "node-b", NOW, 10, 10, null, null, null));
        when(jdbc.queryForList(anyString(), eq(String.class), any(Object[].class))).thenReturn(List.of("RUNNING"));
        replays.poll();

        verify(balances, never()).start();
    }

    private static ClusterReplays.Replay replay(String state) {
        return new ClusterReplays.Replay(7, "balances", state, "node-b", NOW, 10, 10, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private void activeReplays(ClusterReplays.Replay... active) {
        when(jdbc.query(anyString(), any(RowMapper.class))).thenReturn(List.of(active));
    }
}
