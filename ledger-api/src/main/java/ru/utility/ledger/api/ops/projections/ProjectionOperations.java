package ru.utility.ledger.api.ops.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, ReplayState> replays = new ConcurrentHashMap<>();

    public ProjectionOperations(ProjectionCatalog catalog, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                MeterRegistry registry, Clock clock) {
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

    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = position(segments);
        long head = head();
        long lagEvents = position == null ? countAfter(-1) : countAfter(position);
        double lagSeconds = lagEvents == 0 ? 0 : oldestUnprocessedAge(position == null ? -1 : position);
        String state = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState)
                ? "ERROR" : !processor.isRunning() ? "STOPPED" : processor.isReplaying() ? "REPLAYING" : "RUNNING";
        return new ProjectionStatus(name, state, position, head, lagEvents, lagSeconds, segments.size(),
                replayProgress(name, processor, position));
    }

    /**
     * Resets the processor's tokens so it rebuilds its tables from the first event; its {@code @ResetHandler}
     * empties them first. Everything else keeps serving; the projection's own reads are incomplete until
     * the replay finishes (see the status).
     */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (catalog.isProcess(name)) {
            throw new ReplayRefusedException(name + " is a process (a saga), not a projection: replaying it would"
                    + " send its commands again");
        }
        if (!processor.supportsReset()) {
            throw new ReplayRefusedException("projection " + name + " cannot be replayed");
        }
        ReplayState running = replays.get(name);
        if (running != null && running.finishedAt == null && processor.isReplaying()) {
            throw new ReplayRefusedException("projection " + name + " is already replaying");
        }
        long total = countAfter(-1);
        log.info("Replaying projection {} over {} events", name, total);
        processor.shutDown();
        processor.resetTokens();
        replays.put(name, new ReplayState(clock.instant(), total, head()));
        processor.start();
        return status(name);
    }

    private ProjectionStatus.ReplayProgress replayProgress(String name, StreamingEventProcessor processor,
                                                           Long position) {
        ReplayState replay = replays.get(name);
        if (replay == null) {
            return null;
        }
        long processed = position == null ? 0 : countUpTo(position);
        boolean finished = replay.finishedAt != null
                || (!processor.isReplaying() && position != null && position >= replay.targetHead);
        Instant now = clock.instant();
        if (finished && replay.finishedAt == null) {
            replay.finishedAt = now;
        }
        Instant end = finished ? replay.finishedAt : now;
        double seconds = Math.max(Duration.between(replay.startedAt, end).toMillis(), 1) / 1000.0;
        double rate = processed / seconds;
        Double eta = finished ? Double.valueOf(0) : rate > 0 ? Math.max(replay.total - processed, 0) / rate : null;
        return new ProjectionStatus.ReplayProgress(replay.startedAt, finished, Math.min(processed, replay.total),
                replay.total, rate, eta, replay.finishedAt);
    }

    private StreamingEventProcessor processor(String name) {
        if (catalog.find(name).isEmpty() && !catalog.isProcess(name)) {
            throw new UnknownProjectionException(name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProjectionException(name));
    }

    private static Long position(Map<Integer, EventTrackerStatus> segments) {
        Long lowest = null;
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong current = status.getCurrentPosition();
            long value = current.isPresent() ? current.getAsLong() : -1;
            lowest = lowest == null ? value : Math.min(lowest, value);
        }
        return lowest;
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

    private static final class ReplayState {
        final Instant startedAt;
        final long total;
        final long targetHead;
        volatile Instant finishedAt;

        ReplayState(Instant startedAt, long total, long targetHead) {
            this.startedAt = startedAt;
            this.total = total;
            this.targetHead = targetHead;
        }
    }
}
