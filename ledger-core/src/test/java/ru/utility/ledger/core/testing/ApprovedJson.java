package ru.utility.ledger.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares a JSON text with src/test/resources/approved/[folder/]NAME.json of the module under test. A
 * missing or different approved file leaves NAME.received.json beside it to inspect and, if right, rename.
 * Shared with other modules through ledger-core's test jar.
 */
public final class ApprovedJson {

    private final Path directory;

    private ApprovedJson(Path directory) {
        this.directory = directory;
    }

    /** Approved files directly under src/test/resources/approved. */
    public static ApprovedJson approved() {
        return new ApprovedJson(Path.of("src", "test", "resources", "approved"));
    }

    /** Approved files under src/test/resources/approved/FOLDER. */
    public static ApprovedJson approvedIn(String folder) {
        return new ApprovedJson(Path.of("src", "test", "resources", "approved", folder));
    }

    public void verify(String name, String actual) {
        Path approved = directory.resolve(name + ".json");
        Path received = directory.resolve(name + ".received.json");
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
