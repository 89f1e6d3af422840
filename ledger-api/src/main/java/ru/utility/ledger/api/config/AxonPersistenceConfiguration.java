package ru.utility.ledger.api.config;

import java.time.Duration;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import ru.utility.ledger.api.eventstore.ChainHeads;
import ru.utility.ledger.api.eventstore.ChargePostedUpcaster;
import ru.utility.ledger.api.eventstore.HashingAppendEventsStatement;
import ru.utility.ledger.api.eventstore.LateCommitSafeReads;
import ru.utility.ledger.api.eventstore.SharedDeserialisation;
import ru.utility.ledger.api.ops.ClusterProperties;
import ru.utility.ledger.api.personaldata.PersonalDataCipher;
import ru.utility.ledger.api.personaldata.PersonalDataKeys;
import ru.utility.ledger.api.personaldata.SealingEventSerializer;

/**
 * The event store, token store, saga store and Axon transaction manager, declared explicitly rather than left to
 * Axon's auto-configuration: on Boot 4 Axon's JDBC auto-configuration is evaluated before Boot has
 * registered the DataSource and would silently fall back to no event store. Application configuration is
 * processed before every auto-configuration, so these beans always win. AxonWiringTest guards it.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPersistenceConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Spring's transactions for Axon; one begun for a unit of work always ends with it (see there). */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
        return new UnitOfWorkTransactionManager(platformTransactionManager);
    }

    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** PostgreSQL's unique_violation: two writers appended the same aggregate sequence number. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Committed chain heads kept in memory (ledger.event-store.chain-head-cache-size, 0 = none). */
    @Bean
    public ChainHeads chainHeads(@Value("${ledger.event-store.chain-head-cache-size:200000}") int capacity) {
        return new ChainHeads(capacity);
    }

    /**
     * Stored events deserialised once for all their readers (ledger.event-store.shared-deserialisation-size
     * forms kept, 0 = every reader deserialises on its own).
     */
    @Bean
    public SharedDeserialisation sharedDeserialisation(
            @Value("${ledger.event-store.shared-deserialisation-size:20000}") int capacity) {
        return new SharedDeserialisation(capacity);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 SharedDeserialisation sharedDeserialisation,
                                                 org.axonframework.config.Configuration configuration,
                                                 @Value("${ledger.event-store.gap-timeout:60s}") Duration gapTimeout,
                                                 ChainHeads chainHeads,
                                                 PersonalDataKeys personalDataKeys,
                                                 PersonalDataCipher personalDataCipher) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotSerializer(serializer)
                // Personal data is sealed before it is stored and hashed (docs/operating/data-protection.md).
                .eventSerializer(new SealingEventSerializer(sharedDeserialisation.serializer(eventSerializer),
                        personalDataKeys, personalDataCipher))
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // Seals every appended event into its account's hash chain (EventHashChain).
                .appendEvents(new HashingAppendEventsStatement(chainHeads))
                // Tracked reads see only settled rows, so a late commit is never skipped (LateCommitSafeReads).
                .readEventDataWithoutGaps(LateCommitSafeReads::readEventDataWithoutGaps)
                .readEventDataWithGaps(LateCommitSafeReads::readEventDataWithGaps)
                .fetchTrackedEvents(LateCommitSafeReads::fetchTrackedEvents)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .build();
    }

    /** Readers see the current revision of every event; the stored rows are never rewritten. */
    @Bean
    public ConfigurerModule eventUpcasters() {
        return configurer -> configurer.registerEventUpcaster(c -> new ChargePostedUpcaster());
    }

    @Bean
    public SagaSchema sagaSchema() {
        return SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
    }

    /** The relief enrolment saga's store (V55); BYTEA like the event store, in the processor's transaction. */
    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, SagaSchema sagaSchema, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(sagaSchema))
                .serializer(serializer)
                .build();
    }

    /**
     * Processors move on only from a position the store holds (a lost asynchronous commit is noticed). Each
     * node claims segments under its own name (ledger.cluster.node-id; Axon's default, the JVM's name, is the
     * same for two nodes started in one JVM, which would then both process every segment), and a node that
     * stops renewing its claims loses them after ledger.cluster.claim-timeout, when another node takes over.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, TokenSchema tokenSchema,
                                 Serializer serializer, ClusterProperties cluster) {
        return new DurablePositionTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .nodeId(cluster.nodeId())
                .claimTimeout(cluster.claimTimeout())
                .contentType(byte[].class));
    }
}
