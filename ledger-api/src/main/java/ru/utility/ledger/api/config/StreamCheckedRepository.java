package ru.utility.ledger.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;

/**
 * Axon's caching repository, made safe for several nodes on one event store. A cached aggregate is what this
 * node last committed; another node may have appended to the stream since. A command that appends from such
 * a stale aggregate collides on the (aggregate, sequence) key and is retried (LedgerCommands), but one that
 * decides without appending does not: a reversal of a payment recorded through the other node was refused as
 * unknown, a repeated payment could be answered from outdated state. So an aggregate served from the cache is
 * checked against the stream's last stored sequence number (one index lookup, against reading the whole
 * stream on a miss) and, when the store is ahead, dropped and read from the store.
 */
final class StreamCheckedRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    private StreamCheckedRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
    }

    /** The repository AggregateConfigurer would build with {@code cache}, plus the check. */
    static <T> Repository<T> of(Class<T> type, AggregateConfigurer<T> aggregate, Configuration configuration,
                                Cache cache) {
        EventSourcingRepository.Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(type))
                .eventStore(configuration.eventStore())
                .aggregateFactory(aggregate.aggregateFactory())
                .repositoryProvider(configuration::repository)
                .spanFactory(configuration.spanFactory())
                .cache(cache);
        return new StreamCheckedRepository<>(builder, configuration.eventStore(), cache);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (!cached) {
            return aggregate;
        }
        Long stored = eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
        if (stored == null || aggregate.version() != null && aggregate.version() >= stored) {
            return aggregate;
        }
        cache.remove(aggregateIdentifier);
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
