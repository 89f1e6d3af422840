package ru.utility.ledger.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url}, start an embedded PostgreSQL and point the
 * ordinary Boot DataSource at it, so every other part of the application is configured exactly as for an
 * external server. Demo users are switched on by default only here.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String ACTIVE_PROPERTY = "ledger.embedded-postgres.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("ledger.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        boolean ephemeral = environment.getProperty("ledger.embedded-postgres.ephemeral", Boolean.class, false);
        boolean durable = environment.getProperty("ledger.embedded-postgres.durable", Boolean.class, true);
        int port = environment.getProperty("ledger.embedded-postgres.port", Integer.class, 0);
        Path dataDirectory = ephemeral ? temporaryDirectory()
                : Path.of(environment.getProperty("ledger.embedded-postgres.data-directory", "./data/postgres"));

        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(dataDirectory, port, durable, ephemeral);
        if (!ephemeral) {
            // Runs after Boot has closed the application context, so nothing still writes to the database.
            SpringApplication.getShutdownHandlers().add(server::close);
        }

        Map<String, Object> datasource = new HashMap<>();
        datasource.put("spring.datasource.url", server.jdbcUrl());
        datasource.put("spring.datasource.username", "postgres");
        datasource.put("spring.datasource.password", "");
        datasource.put(ACTIVE_PROPERTY, true);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", datasource));
        // A default only: an explicit ledger.security.demo-users anywhere else wins.
        // Demo data only for the database kept in ./data, and then only while it is empty (DemoDataSeeder).
        environment.getPropertySources().addLast(new MapPropertySource("embeddedPostgresDefaults",
                Map.of("ledger.security.demo-users", true, "ledger.demo-data", ephemeral ? "false" : "auto")));
    }

    private static Path temporaryDirectory() {
        try {
            // One per JVM: all test contexts of a run share it.
            return TemporaryDirectoryHolder.DIRECTORY;
        } catch (ExceptionInInitializerError e) {
            throw new IllegalStateException("Cannot create a temporary PostgreSQL data directory", e);
        }
    }

    private static final class TemporaryDirectoryHolder {
        static final Path DIRECTORY = create();

        private static Path create() {
            try {
                return Files.createTempDirectory("ledger-pg-").resolve("data");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
