package ru.utility.ledger.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Restarts the embedded PostgreSQL of a data directory with its own {@code pg_ctl}, as an operator would
 * restart an external server under load. The server keeps its port and options (pg_ctl takes them from
 * {@code postmaster.opts}), so the application's pool reconnects to the same address.
 */
public final class PostgresRestarts {

    /** pg_ctl's shutdown modes: fast ends every session and checkpoints; immediate is a crash. */
    public enum Mode {
        FAST, IMMEDIATE;

        String pgCtlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path dataDirectory;
    private final Path pgCtl;

    /**
     * Finds pg_ctl beside the running postmaster's executable: zonky unpacks the binaries once per JVM, so they
     * need not lie beside this data directory.
     */
    public PostgresRestarts(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        try {
            String pidLine = Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).getFirst();
            long pid = Long.parseLong(pidLine.trim());
            Path postgres = Path.of(ProcessHandle.of(pid).flatMap(p -> p.info().command())
                    .orElseThrow(() -> new IllegalStateException("no running postmaster " + pid)));
            this.pgCtl = postgres.resolveSibling("pg_ctl");
        } catch (IOException e) {
            throw new IllegalStateException("no running PostgreSQL on " + dataDirectory, e);
        }
        if (!Files.isExecutable(pgCtl)) {
            throw new IllegalStateException("no pg_ctl at " + pgCtl);
        }
    }

    public void restart(Mode mode) {
        List<String> command = new ArrayList<>();
        // The embedded server runs in a user namespace when it can (PostgreSQL refuses to run as root).
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDirectory.toString(), "-m", mode.pgCtlName(),
                "-w", "-t", "60", "-l", dataDirectory.getParent().resolve("postgres-restarts.log").toString(),
                "restart"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDirectory.getParent().resolve("pg_ctl.out").toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart -m " + mode.pgCtlName() + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart -m " + mode.pgCtlName() + " failed: "
                        + Files.readString(dataDirectory.getParent().resolve("pg_ctl.out")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
