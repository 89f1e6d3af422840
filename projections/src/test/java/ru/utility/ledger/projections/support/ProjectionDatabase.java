package ru.utility.ledger.projections.support;

import java.io.IOException;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM with this module's migrations applied (and a stand-in for the event
 * store table one of them reads), so the projections' handlers are tested against their real tables without
 * the application. Tests isolate themselves with fresh account ids ({@link #newAccountId()}).
 */
public final class ProjectionDatabase {

    private static final String[] LOCATIONS = {"classpath:db/event-store-stub", "classpath:db/migration"};

    private static ProjectionDatabase instance;

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactionManager;

    private ProjectionDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        DataSource dataSource = postgres.getPostgresDatabase();
        migrate(dataSource, null);
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactionManager = new DataSourceTransactionManager(dataSource);
    }

    public static synchronized ProjectionDatabase get() {
        if (instance == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("timezone", "UTC")
                        .start();
                instance = new ProjectionDatabase(postgres);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }
        return instance;
    }

    /** A new, empty database on the same server, for a test of the migrations themselves. */
    public DataSource newDatabase() {
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    /** Runs this module's migrations up to {@code target} (a version; null: all of them). */
    public static void migrate(DataSource dataSource, String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations(LOCATIONS);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Spring transactions over the same data source, for tests that roll their writes back. */
    public TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }

    /** The same transactions as Axon's units of work attach them, as the event processors do. */
    public TransactionManager axonTransactions() {
        return () -> {
            TransactionStatus status = transactionManager.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    transactionManager.commit(status);
                }

                @Override
                public void rollback() {
                    transactionManager.rollback(status);
                }
            };
        };
    }

    public static String newAccountId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase();
    }
}
