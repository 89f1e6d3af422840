package ru.utility.ledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where an export goes ({@code -o FILE}, or stdout) and in which CSV dialect. A file is written under a temporary
 * name and renamed when the whole answer has arrived, so a script never finds half an export under the real name.
 */
final class ExportOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (replaced when the export is complete); '-' or none: stdout")
    Path output;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "CSV dialect: rfc4180 (default, for machines) or excel (semicolons, decimal commas, "
                    + "UTF-8 BOM)")
    String dialect;

    /** Streams the answer to the output; the ledger checks every parameter and names what it refuses. */
    void download(CommandSpec spec, String path, Map<String, String> query, String accept) {
        LedgerClient client = LedgerCli.client(spec);
        if (output == null || output.toString().equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            client.download(path, query, accept, body -> {
                Reader text = new InputStreamReader(body, StandardCharsets.UTF_8);
                char[] buffer = new char[8192];
                for (int n; (n = text.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
                out.flush();
            });
            return;
        }
        Path target = output.toAbsolutePath();
        Path partial;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e, e);
        }
        long[] bytes = {0};
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                client.download(path, query, accept, body -> copy(body, file, bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e, e);
            }
            move(partial, target);
        } finally {
            deleteQuietly(partial);
        }
        spec.commandLine().getErr().println("wrote " + output + " (" + bytes[0] + " bytes)");
        spec.commandLine().getErr().flush();
    }

    /** Read failures are the network's (they propagate as such); write failures are the disk's. */
    private static void copy(InputStream body, OutputStream file, long[] bytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            try {
                file.write(buffer, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
            }
            bytes[0] += n;
        }
    }

    private static void move(Path partial, Path target) {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // A leftover hidden .partial file is harmless; the real name was never touched.
        }
    }
}
