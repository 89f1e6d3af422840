package ru.utility.ledger.api.ops.projections;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.ops.ClusterProperties;
import ru.utility.ledger.api.ops.ClusterNodes;

/**
 * Replays that every node takes part in. A replay requested through any node becomes a row in
 * {@code projection_replay}; each node polls the table (ledger.cluster.poll-interval) and follows it:
 * <ol>
 * <li>STOPPING: the node stops its processor, which releases the segments it claimed. A reset needs every
 * segment, so the first node that can then store a replay token on every segment (a node still running, or
 * a dead node's claim younger than the claim timeout, makes that fail) resets them, with the
 * {@code @ResetHandler}s of every projection the processor runs, in the same transaction that moves the row to
 * RUNNING.</li>
 * <li>RUNNING: each node starts its processor again; the segments are shared out as ever. Any node marks the
 * replay FINISHED once every segment has reached the head the store had when the replay was requested.</li>
 * </ol>
 * The row and the token table are what every node reads, so progress is the same from any node. The same
 * poller records this node's heartbeat (ClusterNodes). Replays are kept by processor name: in the shared layout
 * (ProjectionProcessors) one replay rebuilds all of the shared processor's projections.
 */
@Service
public class ClusterReplays implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterReplays.class);

    /** A replay as recorded in the database. */
    public record Replay(long id, String processor, String state, String requestedBy, Instant requestedAt,
                         long total, long targetHead, String resetBy, Instant resetAt, Instant finishedAt) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StoredTokens tokens;
    private final ClusterProperties cluster;
    private final Clock clock;
    private final ClusterNodes nodes;
    private volatile ScheduledExecutorService poller;
    /**
     * Replays (by id) whose processor this node stopped and has not started again. A replay can finish before
     * this node's next poll sees it RUNNING (another node resets, catches up and marks it FINISHED, or a status
     * read does), and a finished replay is no longer polled, so the node must remember what it stopped.
     */
    private final Map<Long, String> stoppedHere = new ConcurrentHashMap<>();

    public ClusterReplays(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                          PlatformTransactionManager transactionManager, StoredTokens tokens,
                          ClusterProperties cluster, Clock clock, ClusterNodes nodes) {
        this.nodes = nodes;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokens = tokens;
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Records the request (refused while one is under way for the processor) and takes this node's step. */
    public Replay request(String processor, long total, long head) {
        try {
            jdbc.update("""
                    INSERT INTO projection_replay (processor_name, state, requested_by, requested_at, total_events,
                                                   target_head)
                    VALUES (?, 'STOPPING', ?, ?, ?, ?)""",
                    processor, cluster.nodeId(), Timestamp.from(clock.instant()), total, head);
        } catch (DuplicateKeyException e) {
            throw new ReplayRefusedException("processor " + processor + " is already replaying");
        }
        log.info("Replay of {} requested on node {} over {} events", processor, cluster.nodeId(), total);
        poll();
        return latest(processor).orElseThrow();
    }

    /** The newest replay of a processor, finished or not. */
    public Optional<Replay> latest(String processor) {
        return jdbc.query("SELECT * FROM projection_replay WHERE processor_name = ? ORDER BY id DESC LIMIT 1",
                ClusterReplays::replay, processor).stream().findFirst();
    }

    private static Replay replay(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Replay(rs.getLong("id"), rs.getString("processor_name"), rs.getString("state"),
                rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), rs.getLong("total_events"),
                rs.getLong("target_head"), rs.getString("reset_by"), instant(rs.getTimestamp("reset_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    /** Finishes a running replay once every segment has caught up; returns whether it is (now) finished. */
    public boolean finishIfCaughtUp(Replay replay) {
        if (replay.state().equals("FINISHED")) {
            return true;
        }
        if (!replay.state().equals("RUNNING")) {
            return false;
        }
        List<StoredTokens.Segment> segments = tokens.of(replay.processor());
        Long position = StoredTokens.position(segments);
        // Not "no replay token left": Axon keeps a segment's replay token until an event past the reset point
        // arrives, which in a quiet ledger may be never.
        boolean caughtUp = !segments.isEmpty() && position != null && position >= replay.targetHead();
        if (caughtUp) {
            jdbc.update("UPDATE projection_replay SET state = 'FINISHED', finished_at = ? WHERE id = ?"
                    + " AND state = 'RUNNING'", Timestamp.from(clock.instant()), replay.id());
        }
        return caughtUp;
    }

    /** This node's step for every replay under way. */
    synchronized void poll() {
        List<Replay> active = jdbc.query("SELECT * FROM projection_replay WHERE state <> 'FINISHED' ORDER BY id",
                ClusterReplays::replay);
        for (Replay replay : active) {
            Optional<StreamingEventProcessor> found = processing.eventProcessor(replay.processor(),
                    StreamingEventProcessor.class);
            if (found.isEmpty()) {
                continue;
            }
            StreamingEventProcessor processor = found.get();
            if (replay.state().equals("STOPPING")) {
                if (processor.isRunning()) {
                    log.info("Replay of {}: stopping the processor on node {}", replay.processor(), cluster.nodeId());
                    processor.shutDown();
                    stoppedHere.put(replay.id(), replay.processor());
                }
                tryReset(replay, processor);
            } else if (replay.state().equals("RUNNING")) {
                if (!processor.isRunning()) {
                    log.info("Replay of {}: starting the processor on node {}", replay.processor(), cluster.nodeId());
                    processor.start();
                }
                stoppedHere.remove(replay.id());
                finishIfCaughtUp(replay);
            }
        }
        List<Long> underWay = active.stream().map(Replay::id).toList();
        List<String> replaying = active.stream().map(Replay::processor).toList();
        stoppedHere.forEach((id, name) -> {
            if (!underWay.contains(id) && !replaying.contains(name)) {
                processing.eventProcessor(name, StreamingEventProcessor.class)
                        .filter(processor -> !processor.isRunning())
                        .ifPresent(processor -> {
                            log.info("Replay of {} finished: starting the processor on node {}", name,
                                    cluster.nodeId());
                            processor.start();
                        });
                stoppedHere.remove(id);
            }
        });
    }

    private void tryReset(Replay replay, StreamingEventProcessor processor) {
        try {
            Boolean reset = transactions.execute(status -> {
                List<String> state = jdbc.queryForList("SELECT state FROM projection_replay WHERE id = ? FOR UPDATE",
                        String.class, replay.id());
                if (!state.equals(List.of("STOPPING"))) {
                    return false;
                }
                processor.resetTokens();
                jdbc.update("UPDATE projection_replay SET state = 'RUNNING', reset_by = ?, reset_at = ? WHERE id = ?",
                        cluster.nodeId(), Timestamp.from(clock.instant()), replay.id());
                return true;
            });
            if (Boolean.TRUE.equals(reset)) {
                log.info("Replay of {}: node {} reset every segment", replay.processor(), cluster.nodeId());
                processor.start();
                stoppedHere.remove(replay.id());
            }
        } catch (RuntimeException e) {
            // Another node still holds a segment (it has not stopped yet, or died less than a claim timeout ago).
            log.debug("Replay of {}: node {} cannot reset yet: {}", replay.processor(), cluster.nodeId(),
                    e.getMessage());
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void start() {
        try {
            // At once, so that the cluster health never counts this node's fresh claims as a dead node's.
            nodes.beat();
        } catch (RuntimeException e) {
            log.warn("First heartbeat of node {} failed: {}", cluster.nodeId(), e.getMessage());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-replays");
            thread.setDaemon(true);
            return thread;
        });
        long millis = cluster.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                nodes.beat();
                poll();
            } catch (RuntimeException e) {
                log.warn("Heartbeat or polling for replays failed on node {}: {}", cluster.nodeId(), e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Stops before Axon's processors (which stop in a later phase of the shutdown). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
