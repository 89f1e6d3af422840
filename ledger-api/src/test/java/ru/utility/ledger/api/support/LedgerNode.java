package ru.utility.ledger.api.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.LedgerApplication;

/**
 * One ledger node: a whole application context with its own web server, connection pool, caches and event
 * processors, on the durable embedded PostgreSQL of a data directory that other nodes in this JVM share
 * (one server per data directory). Nodes claim processor segments under their own names.
 */
public final class LedgerNode implements AutoCloseable {

    /** Short enough that a dead node's segments are taken over within seconds, long against claim renewal. */
    public static final String CLAIM_TIMEOUT = "6s";

    private final String name;
    private final ConfigurableApplicationContext context;
    private volatile boolean killed;

    private LedgerNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    public static LedgerNode start(String name, Path dataDirectory, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.durable=true",
                "--ledger.cluster.node-id=" + name,
                "--ledger.cluster.claim-timeout=" + CLAIM_TIMEOUT,
                "--ledger.cluster.poll-interval=200ms",
                "--ledger.feed.poll-interval=50ms",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--logging.level.org.axonframework=WARN"));
        for (String processor : List.of("balances", "statements", "overdue", "relief-statistics",
                "programme-moratoria", "feed", "relief-enrolment", "read-models")) {
            arguments.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=200");
        }
        arguments.addAll(List.of(extraArguments));
        return new LedgerNode(name, new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public String name() {
        return name;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Api api() {
        return new Api(port());
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean alive() {
        return !killed && context.isActive();
    }

    /**
     * Kills the node as far as the others can tell: its connections are cut at once (the pool closed, so it
     * can neither commit what is in flight nor release its processor claims), then the context goes. Its
     * segments stay claimed in the token table until the claim timeout passes, as after a kill -9.
     */
    public void kill() {
        killed = true;
        DataSource dataSource = context.getBean(DataSource.class);
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
        context.close();
    }

    @Override
    public void close() {
        if (!killed) {
            context.close();
        }
    }
}
