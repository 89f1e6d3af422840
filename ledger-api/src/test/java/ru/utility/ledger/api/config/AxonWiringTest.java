package ru.utility.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;

import ru.utility.ledger.api.eventstore.SharedDeserialisation;
import ru.utility.ledger.api.relief.ReliefEnrolmentSaga;
import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.projections.balance.BalanceProjection;

/**
 * Guards the Boot 4 / Axon 4.13 wiring: Axon's auto-configurations order themselves after Boot 3 class
 * names, and a wrong order silently yields no event store, a no-op transaction manager or a private
 * meter registry. Each of those would still let most other tests pass.
 */
@LedgerIntegrationTest
class AxonWiringTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    MeterRegistry bootRegistry;
    @Autowired
    GlobalMetricRegistry axonMetrics;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;

    @Test
    void eventsAndTokensAreStoredInPostgresWithJackson3() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(DurablePositionTokenStore.class);
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(messageSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void axonUsesSpringTransactions() {
        assertThat(axonTransactionManager).isInstanceOf(UnitOfWorkTransactionManager.class);
    }

    @Test
    void balancesRunInAPooledStreamingProcessor() {
        assertThat(processing.eventProcessorByProcessingGroup(BalanceProjection.PROCESSING_GROUP))
                .containsInstanceOf(PooledStreamingEventProcessor.class);
    }

    /** Without the explicit bean the saga would silently live in memory and forget enrolments on restart. */
    @Test
    void theReliefSagaIsStoredInPostgresAndRunsInAPooledStreamingProcessor() {
        assertThat(processing.sagaConfiguration(ReliefEnrolmentSaga.class)).isNotNull();
        assertThat(processing.sagaConfiguration(ReliefEnrolmentSaga.class).store()).isInstanceOf(JdbcSagaStore.class);
        assertThat(processing.sagaConfiguration(ReliefEnrolmentSaga.class).processingGroup())
                .isEqualTo(ReliefEnrolmentSaga.PROCESSING_GROUP);
        assertThat(processing.eventProcessor(ReliefEnrolmentSaga.PROCESSING_GROUP))
                .containsInstanceOf(PooledStreamingEventProcessor.class);
    }

    @Test
    void axonMetersLandInBootsPrometheusRegistry() {
        new Api(port).post("/api/v1/accounts", "operator", """
                {"accountId": "WIRING-1", "holderName": "Wired", "regionCode": "01"}""");
        assertThat(axonMetrics.getRegistry()).isSameAs(bootRegistry);
        assertThat(bootRegistry).isInstanceOfAny(PrometheusMeterRegistry.class,
                io.micrometer.core.instrument.composite.CompositeMeterRegistry.class);
        assertThat(bootRegistry.getMeters()).extracting(m -> m.getId().getName())
                .contains("commandBus.processedCounter", "eventStore.ingestedCounter");
        assertThat(bootRegistry.find("commandBus.successCounter").counters())
                .anyMatch(counter -> counter.count() > 0);
        String scrape = new Api(port).get("/actuator/prometheus", "admin").body();
        assertThat(scrape).contains("commandBus_processedCounter", "eventStore_ingestedCounter");
    }

    @Test
    void storedEventsAreReadThroughTheSharedDeserialisation() {
        new Api(port).post("/api/v1/accounts", "operator", """
                {"accountId": "WIRING-2", "holderName": "Wired", "regionCode": "01"}""");
        // Every stored event a processor reads passes through it, as a hit or a miss.
        await().atMost(Duration.ofSeconds(20)).until(() -> bootRegistry.find("cache.gets")
                .tag("cache", SharedDeserialisation.METRICS_NAME).functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum() > 0);
    }
}
