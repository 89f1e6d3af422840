package ru.utility.ledger.bench;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.api.eventstore.AsOfBalances;
import ru.utility.ledger.api.ops.ProjectionProcessors;
import ru.utility.ledger.api.ops.projections.ProjectionCatalog;
import ru.utility.ledger.api.ops.projections.ProjectionOperations;
import ru.utility.ledger.projections.balance.BalanceProjection;
import ru.utility.ledger.projections.balance.BalanceQueries;

/** The real application, started in this JVM against the benchmark's PostgreSQL. */
final class LedgerUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LedgerUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Our configuration, exactly as shipped. */
    static LedgerUnderTest ours(String jdbcUrl) {
        return start(jdbcUrl, appArgs());
    }

    /**
     * -Dbench.appArgs="--a=b --c=d": extra application arguments for "ours" only, to measure one setting
     * against another in runs taken close together (e.g. --ledger.aggregate-cache.size=1).
     */
    private static List<String> appArgs() {
        String args = System.getProperty("bench.appArgs", "").trim();
        return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
    }

    /**
     * The peer: Axon's out-of-the-box choices on the same store: tracking processor with batch size 1 and
     * no aggregate cache.
     */
    static LedgerUnderTest peer(String jdbcUrl) {
        return start(jdbcUrl, List.of(
                "--axon.eventhandling.processors.balances.mode=tracking",
                "--axon.eventhandling.processors.balances.batch-size=1",
                "--axon.eventhandling.processors.balances.thread-count=1",
                "--ledger.aggregate-cache.enabled=false",
                // and none of the tuning of docs/contributing/performance.md: durable projection commits, no chain-head
                // cache, no batch rewriting (the time-ordered identifiers are JVM-wide and apply to both)
                "--ledger.projections.async-commit=",
                "--ledger.event-store.chain-head-cache-size=0",
                "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false"));
    }

    private static String throwawayKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static LedgerUnderTest start(String jdbcUrl, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=40",
                "--ledger.security.demo-users=true",
                // A throwaway master key for the run's throwaway database (docs/operating/data-protection.md).
                "--ledger.personal-data.master-key=" + throwawayKey(),
                "--logging.level.root=WARN",
                "--logging.level.ru.utility.ledger.api.security=ERROR",
                "--spring.main.banner-mode=off"));
        args.addAll(extra);
        return new LedgerUnderTest(new SpringApplicationBuilder(LedgerApplication.class)
                .run(args.toArray(String[]::new)));
    }

    CommandGateway gateway() {
        return context.getBean(CommandGateway.class);
    }

    BalanceQueries balances() {
        return context.getBean(BalanceQueries.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The processor that runs the balances: its own, or the shared one with three other projections. */
    StreamingEventProcessor balancesProcessor() {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processorOf(BalanceProjection.PROCESSING_GROUP), StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The processor of a projection in the layout this run started with (ledger.projections.shared-processor). */
    String processorOf(String projection) {
        return context.getBean(ProjectionProcessors.class).processorOf(projection);
    }

    /**
     * Gets of the shared deserialisation so far with {@code result} "hit" or "miss" (Micrometer's cache meters
     * in the application's registry).
     */
    double sharedDeserialisationGets(String result) {
        return context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("cache.gets")
                .tag("cache", ru.utility.ledger.api.eventstore.SharedDeserialisation.METRICS_NAME)
                .tag("result", result).functionCounters().stream()
                .mapToDouble(io.micrometer.core.instrument.FunctionCounter::count).sum();
    }

    AsOfBalances asOfBalances() {
        return context.getBean(AsOfBalances.class);
    }

    /** The ledger's own clock, so "known now" means the ledger's now. */
    java.time.Clock clock() {
        return context.getBean(java.time.Clock.class);
    }

    ProjectionOperations projections() {
        return context.getBean(ProjectionOperations.class);
    }

    List<String> projectionNames() {
        return context.getBean(ProjectionCatalog.class).all().stream().map(p -> p.name()).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
