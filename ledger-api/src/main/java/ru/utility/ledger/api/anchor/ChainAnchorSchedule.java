package ru.utility.ledger.api.anchor;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.AnchorLogId;

/**
 * Anchors the chains every {@code ledger.anchors.interval} (default 1 h; 0 switches it off) when events were
 * stored since the last anchor. Every node runs it; the anchor log takes one anchor per number, so when two
 * nodes anchor at once one of them is refused and tries again at its next tick, when the anchor is no longer due.
 */
@Component
public class ChainAnchorSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChainAnchorSchedule.class);

    private final ChainAnchoring anchoring;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public ChainAnchorSchedule(ChainAnchoring anchoring, JdbcTemplate jdbc, Clock clock,
                               @Value("${ledger.anchors.interval:1h}") Duration interval) {
        this.anchoring = anchoring;
        this.jdbc = jdbc;
        this.clock = clock;
        this.interval = interval;
    }

    /** Anchors if the last anchor is older than the interval and events were stored after it. */
    void anchorIfDue() {
        ChainAnchoring.Anchor latest = anchoring.latest().orElse(null);
        if (latest != null && latest.anchoredAt().plus(interval).isAfter(clock.instant())) {
            return;
        }
        long after = latest == null ? -1 : latest.upToGlobalIndex();
        Boolean changed = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index > ?"
                + " AND aggregate_identifier <> ?)", Boolean.class, after, AnchorLogId.CHAINS.toString());
        if (Boolean.TRUE.equals(changed)) {
            ChainAnchoring.Anchor anchor = anchoring.anchor();
            log.info("Anchored {} chains as anchor {} (root {})", anchor.chains(), anchor.number(), anchor.merkleRoot());
        }
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chain-anchors");
            thread.setDaemon(true);
            return thread;
        });
        // Checked more often than it is due, so an anchor missed by a node that stopped is taken by another soon.
        long period = Math.max(1_000, Math.min(interval.toMillis() / 10, 60_000));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                anchorIfDue();
            } catch (RuntimeException e) {
                log.warn("Anchoring the chains failed (it is tried again): {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
