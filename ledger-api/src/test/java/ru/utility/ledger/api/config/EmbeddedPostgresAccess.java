package ru.utility.ledger.api.config;

import java.nio.file.Path;

/** Lets tests outside this package stop the embedded PostgreSQL of a data directory they started. */
public final class EmbeddedPostgresAccess {

    private EmbeddedPostgresAccess() {
    }

    public static void stop(Path dataDirectory) {
        EmbeddedPostgresServer.stop(dataDirectory);
    }
}
