package ru.utility.ledger.api.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM, so that several Spring contexts (tests) share it.
 * Durable mode keeps fsync and synchronous_commit on: a ledger never acknowledges a payment it could lose.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "ledger";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer startOrGet(Path dataDirectory, int port, boolean durable, boolean ephemeral) {
        return RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(),
                dir -> start(dir, port, durable, ephemeral));
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable, boolean ephemeral) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            String onOff = durable ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(ephemeral)
                    .setOverrideWorkingDirectory(dataDirectory.getParent().toFile())
                    .setRegisterShutdownHook(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} (durable={})",
                    postgres.getPort(), dataDirectory, durable);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    // A previous run killed without a clean shutdown leaves its postmaster running on our data directory.
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine)).ifPresent(process -> {
            log.warn("Stopping an orphaned PostgreSQL (pid {}) left running on {}", process.pid(), dataDirectory);
            process.destroy();
            process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Stops the server of a data directory, if this JVM started one; a later startOrGet starts it anew. */
    static void stop(Path dataDirectory) {
        EmbeddedPostgresServer server = RUNNING.remove(dataDirectory.toAbsolutePath().normalize());
        if (server != null) {
            server.close();
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
