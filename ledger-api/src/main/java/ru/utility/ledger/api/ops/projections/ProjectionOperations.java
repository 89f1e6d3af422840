package ru.utility.ledger.api.ops.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.utility.ledger.api.ops.ProjectionProcessors;

/**
 * Position, lag and state of every projection's processor, its replay, and the lag gauges
 * {@code ledger.projection.lag.events} and {@code ledger.projection.lag.seconds} (tag {@code processor}).
 */
@Service
public class ProjectionOperations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

    private final ProjectionCatalog catalog;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    // The ledger's clock: events are stamped by it, so the age of an unprocessed event must be measured by it too.
    private final Clock clock;
    private final StoredTokens tokens;
    private final ClusterReplays replays;
    private final ProjectionProcessors layout;

    public ProjectionOperations(ProjectionCatalog catalog, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                MeterRegistry registry, Clock clock, StoredTokens tokens, ClusterReplays replays,
                                ProjectionProcessors layout) {
        this.layout = layout;
        this.tokens = tokens;
        this.replays = replays;
        this.catalog = catalog;
        this.clock = clock;
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : names()) {
            Gauge.builder("ledger.projection.lag.events", () -> status(name).lagEvents())
                    .description("Stored events the projection has not processed yet")
                    .tag("processor", name).register(registry);
            Gauge.builder("ledger.projection.lag.seconds", () -> status(name).lagSeconds())
                    .description("Age of the oldest event the projection has not processed yet")
                    .baseUnit("seconds").tag("processor", name).register(registry);
        }
    }

    public List<ProjectionStatus> statuses() {
        return names().stream().map(this::status).toList();
    }

    /** The projections, then the processes (sagas), which are shown but never replayed. */
    private List<String> names() {
        return java.util.stream.Stream.concat(catalog.all().stream().map(ProjectionDefinition::name),
                catalog.processes().stream()).toList();
    }

    /**
     * The projection's processor as the cluster sees it: position and replay from the database (the same on every
     * node); the state is this node's processor's, except that a replay under way shows as REPLAYING. Projections
     * that share a processor (ProjectionProcessors) show the same position, state and replay.
     */
    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        String processorName = layout.processorOf(name);
        List<StoredTokens.Segment> stored = tokens.of(processorName);
        Long position = StoredTokens.position(stored);
        long head = head();
        long lagEvents = position == null ? countAfter(-1) : countAfter(position);
        double lagSeconds = lagEvents == 0 ? 0 : oldestUnprocessedAge(position == null ? -1 : position);
        Map<String, Integer> owners = new TreeMap<>();
        stored.stream().filter(s -> s.owner() != null).forEach(s -> owners.merge(s.owner(), 1, Integer::sum));
        Optional<ClusterReplays.Replay> replay = replays.latest(processorName);
        ProjectionStatus.ReplayProgress progress = replay.map(r -> replayProgress(r, position)).orElse(null);
        boolean replaying = progress != null && !progress.finished();
        String state = processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)
                ? "ERROR" : replaying ? "REPLAYING" : !processor.isRunning() ? "STOPPED" : "RUNNING";
        return new ProjectionStatus(name, state, position, head, lagEvents, lagSeconds,
                processor.processingStatus().size(), stored.size(), owners, progress, processorName,
                layout.sharedWith(name));
    }

    /**
     * Asks every node to replay the projection's processor (ClusterReplays): they stop it, one resets its
     * tokens (the {@code @ResetHandler}s of every projection it runs empty their tables) and all start it again,
     * rebuilding from the first event. In the shared layout that is every projection of the shared processor;
     * a request for one of them while its processor replays is refused, since the replay under way rebuilds it
     * already. Everything else keeps serving; the rebuilt projections' reads are incomplete until it finishes.
     */
    public ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (catalog.isProcess(name)) {
            throw new ReplayRefusedException(name + " is a process (a saga), not a projection: replaying it would"
                    + " send its commands again");
        }
        if (!processor.supportsReset()) {
            throw new ReplayRefusedException("projection " + name + " cannot be replayed");
        }
        String processorName = layout.processorOf(name);
        List<String> together = layout.sharedWith(name);
        // Said here, with the projections it rebuilds: the one active replay per processor (ClusterReplays) would
        // only name the processor.
        if (!together.isEmpty() && replays.latest(processorName)
                .filter(r -> !r.state().equals("FINISHED") && !replays.finishIfCaughtUp(r)).isPresent()) {
            throw new ReplayRefusedException("projection " + name + " is already being rebuilt: processor "
                    + processorName + " is replaying, and with it " + String.join(", ", together));
        }
        long total = countAfter(-1);
        if (together.isEmpty()) {
            log.info("Replaying projection {} over {} events", name, total);
        } else {
            log.info("Replaying projection {} over {} events in processor {}, with {}", name, total, processorName,
                    together);
        }
        replays.request(processorName, total, head());
        return status(name);
    }

    private ProjectionStatus.ReplayProgress replayProgress(ClusterReplays.Replay replay, Long position) {
        boolean finished = replays.finishIfCaughtUp(replay);
        long processed = replay.resetAt() == null || position == null ? 0 : countUpTo(position);
        Instant now = clock.instant();
        Instant finishedAt = finished ? replay.finishedAt() == null ? now : replay.finishedAt() : null;
        Instant from = replay.resetAt() == null ? replay.requestedAt() : replay.resetAt();
        Instant end = finished ? finishedAt : now;
        double seconds = Math.max(Duration.between(from, end).toMillis(), 1) / 1000.0;
        double rate = processed / seconds;
        Double eta = finished ? Double.valueOf(0) : rate > 0 ? Math.max(replay.total() - processed, 0) / rate : null;
        return new ProjectionStatus.ReplayProgress(replay.requestedAt(), finished, Math.min(processed, replay.total()),
                replay.total(), rate, eta, finishedAt, finished ? "FINISHED" : replay.state(), replay.requestedBy(),
                replay.resetBy());
    }

    private StreamingEventProcessor processor(String name) {
        if (catalog.find(name).isEmpty() && !catalog.isProcess(name)) {
            throw new UnknownProjectionException(name);
        }
        return processing.eventProcessor(layout.processorOf(name), StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjectionException(name));
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private long countAfter(long position) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ?",
                Long.class, position);
        return count == null ? 0 : count;
    }

    private long countUpTo(long position) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?",
                Long.class, position);
        return count == null ? 0 : count;
    }

    private double oldestUnprocessedAge(long position) {
        List<String> stamps = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1""",
                String.class, position);
        if (stamps.isEmpty()) {
            return 0;
        }
        Instant oldest = DateTimeUtils.parseInstant(stamps.getFirst());
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
