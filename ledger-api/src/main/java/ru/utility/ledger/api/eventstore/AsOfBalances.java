package ru.utility.ledger.api.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerViews;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;

/**
 * As-of balances computed from the event store (upcasted and deserialized by Axon, as the aggregate sees
 * them) through the core's pure as-of fold ({@link LedgerViews#balanceAsOf}); no projection or snapshot is involved.
 *
 * <p>The deserialized events of recently asked accounts are kept ({@code ledger.as-of.cache-accounts},
 * default 10,000; 0 turns it off) and each call reads only the events after the last one kept: an
 * account's stored events never change and a later sequence number never commits before an earlier one,
 * so the kept prefix plus the newly read rows is exactly the stream. The profile of a 500-event account
 * spent its time deserializing every payload and parsing every time stamp on every call. The kept streams
 * are a Caffeine cache bounded by account count, in the metrics as cache {@value #METRICS_NAME}.
 *
 * <p>Only committed events are kept: inside a unit of work the event store also returns the events the unit
 * of work has staged, and inside a transaction the rows it wrote, neither of which may have committed.
 */
@Service
public class AsOfBalances implements MeterBinder {

    public static final String METRICS_NAME = "ledger.as-of-events";

    private record Stream(List<RecordedAccountEvent> events, long lastSequence) {
    }

    private final EventStore eventStore;
    private final LedgerViews views;
    private final int cacheAccounts;
    private final Cache<String, Stream> streams;

    public AsOfBalances(EventStore eventStore, LedgerViews views) {
        this(eventStore, views, 0);
    }

    @Autowired
    public AsOfBalances(EventStore eventStore, LedgerViews views,
                        @Value("${ledger.as-of.cache-accounts:10000}") int cacheAccounts) {
        this.eventStore = eventStore;
        this.views = views;
        this.cacheAccounts = Math.max(0, cacheAccounts);
        this.streams = Caffeine.newBuilder().maximumSize(this.cacheAccounts).executor(Runnable::run)
                .recordStats().build();
    }

    /** Empty when the store holds no events for the account. */
    public Optional<AsOfBalance> balance(AccountId accountId, LocalDate asOf, Instant knownAt) {
        List<RecordedAccountEvent> events = events(accountId.value());
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(views.balanceAsOf(accountId, events, asOf, knownAt));
    }

    private List<RecordedAccountEvent> events(String account) {
        Stream kept = streams.getIfPresent(account);
        long from = kept == null ? 0L : kept.lastSequence() + 1;
        List<RecordedAccountEvent> events = new ArrayList<>(kept == null ? List.of() : kept.events());
        long last = kept == null ? -1L : kept.lastSequence();
        boolean dense = true;
        DomainEventStream stream = eventStore.readEvents(account, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            // A hole in the sequence (only possible for events published outside commands) is never kept.
            dense &= message.getSequenceNumber() == last + 1;
            last = Math.max(last, message.getSequenceNumber());
            if (message.getPayload() instanceof AccountEvent event) {
                events.add(new RecordedAccountEvent(event, message.getSequenceNumber(), message.getTimestamp()));
            }
        }
        if (cacheAccounts > 0 && dense && last >= 0 && (kept == null || last > kept.lastSequence())
                && readsCommittedOnly()) {
            remember(account, new Stream(List.copyOf(events), last));
        }
        return events;
    }

    private static boolean readsCommittedOnly() {
        return !CurrentUnitOfWork.isStarted() && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    private void remember(String account, Stream stream) {
        streams.asMap().merge(account, stream, (current, offered) ->
                current.lastSequence() < offered.lastSequence() ? offered : current);
    }

    /** Accounts whose events are kept now (after any pending eviction). */
    long cachedAccounts() {
        streams.cleanUp();
        return streams.estimatedSize();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, streams, METRICS_NAME);
    }
}
