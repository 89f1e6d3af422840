package ru.utility.ledger.core.api.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares a JSON text with src/test/resources/approved/NAME.json. A missing or different approved
 * file leaves NAME.received.json beside it to inspect and, if right, rename.
 */
final class ApprovedJson {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "approved");

    private ApprovedJson() {
    }

    static void verify(String name, String actual) {
        Path approved = DIRECTORY.resolve(name + ".json");
        Path received = DIRECTORY.resolve(name + ".received.json");
        try {
            if (!Files.exists(approved)) {
                write(received, actual);
                fail("No approved JSON for " + name + "; wrote " + received.toAbsolutePath()
                        + ". Check it by eye and rename it to " + approved.getFileName());
            }
            String expected = Files.readString(approved, StandardCharsets.UTF_8).strip();
            if (!expected.equals(actual)) {
                write(received, actual);
            } else {
                Files.deleteIfExists(received);
            }
            assertThat(actual).as("JSON of %s (approved in %s)", name, approved).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
