package ru.utility.ledger.api.feed;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.utility.ledger.projections.feed.FeedQueries;
import ru.utility.ledger.projections.feed.contract.FeedEvent;

/**
 * Server-Sent Event streams of the feed. Each stream has its own virtual thread that reads the feed table
 * from the client's position onwards, so a stream never depends on in-memory notifications that a restart
 * would lose: whatever is committed is sent, in position order, and the client resumes by its last id.
 */
@Component
public class FeedStreams implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);
    private static final int BATCH = 500;

    private final FeedQueries feed;
    private final FeedProperties properties;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("feed-stream-", 0).factory());
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private volatile boolean running;

    public FeedStreams(FeedQueries feed, FeedProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    SseEmitter open(FeedRequest request, String user) {
        AtomicInteger held = perUser.computeIfAbsent(user, u -> new AtomicInteger());
        if (held.incrementAndGet() > properties.maxStreamsPerUser()) {
            held.decrementAndGet();
            throw new TooManyStreamsException(user, properties.maxStreamsPerUser());
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        AtomicBoolean closed = new AtomicBoolean();
        emitter.onCompletion(() -> closed.set(true));
        emitter.onTimeout(() -> closed.set(true));
        emitter.onError(e -> closed.set(true));
        open.add(emitter);
        threads.execute(() -> {
            try {
                pump(emitter, request, closed);
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                // The client went away (or the emitter timed out); it resumes with Last-Event-ID.
                log.debug("feed stream ended: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.complete();
            } catch (RuntimeException e) {
                log.warn("feed stream failed; the client will reconnect", e);
                emitter.completeWithError(e);
            } finally {
                open.remove(emitter);
                held.decrementAndGet();
            }
        });
        return emitter;
    }

    private void pump(SseEmitter emitter, FeedRequest request, AtomicBoolean closed)
            throws IOException, InterruptedException {
        long position = request.after();
        long lastSent = System.nanoTime();
        // An immediate comment makes the response start, so the client knows it is connected.
        emitter.send(SseEmitter.event().comment("connected at position " + position));
        while (!closed.get() && running) {
            List<FeedEvent> events = feed.after(position, BATCH, request.types(), request.versions());
            for (FeedEvent event : events) {
                emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.type())
                        .data(FeedJson.envelope(event)));
                position = event.position();
            }
            if (!events.isEmpty()) {
                lastSent = System.nanoTime();
            }
            if (events.size() < BATCH) {
                if (System.nanoTime() - lastSent >= properties.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = System.nanoTime();
                }
                Thread.sleep(properties.pollInterval());
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait its
     * whole timeout for these never-ending requests; clients reconnect with Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Above the web server's graceful shutdown phase (Integer.MAX_VALUE - 1024): stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }

    @Override
    public void destroy() {
        open.forEach(SseEmitter::complete);
        threads.shutdownNow();
    }
}
