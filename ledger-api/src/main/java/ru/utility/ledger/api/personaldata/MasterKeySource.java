package ru.utility.ledger.api.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the master key comes from: {@code ledger.personal-data.master-key}; or, only on the embedded
 * PostgreSQL, a key generated once and kept in {@code personal-data-master.key} beside the data directory (in
 * memory for an ephemeral database). Without either the application does not start: a key lost or made up anew
 * would turn every sealed name into "[erased]".
 */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
    static final String FILE_NAME = "personal-data-master.key";

    private MasterKeySource() {
    }

    static MasterKey resolve(PersonalDataProperties properties, Environment environment, SecureRandom random) {
        if (StringUtils.hasText(properties.masterKey())) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        if (!environment.getProperty("ledger.embedded-postgres.active", Boolean.class, false)) {
            throw new IllegalStateException("ledger.personal-data.master-key is not set: give the ledger a master key"
                    + " (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) from a secret store;"
                    + " docs/operating/personal-data-keys.md");
        }
        if (environment.getProperty("ledger.embedded-postgres.ephemeral", Boolean.class, false)) {
            log.warn("No ledger.personal-data.master-key: using a key generated for this ephemeral database only");
            return MasterKey.fromBase64(generate(random));
        }
        Path dataDirectory = Path.of(environment.getProperty("ledger.embedded-postgres.data-directory",
                "./data/postgres")).toAbsolutePath();
        Path file = dataDirectory.getParent().resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generate(random) + System.lineSeparator(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the file keeps the directory's permissions.
                }
            }
            log.warn("No ledger.personal-data.master-key: the embedded database's personal data is sealed with the"
                    + " generated key in {}. Fine for development and demos only; in production set the key from a"
                    + " secret store and never keep it beside the data", file);
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated master key in " + file, e);
        }
    }

    private static String generate(SecureRandom random) {
        byte[] key = new byte[MasterKey.BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
