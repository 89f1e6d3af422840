package ru.utility.ledger.cli;

import java.io.PrintWriter;
import java.time.Duration;

import picocli.CommandLine.Option;

/** How a command that waits for a job polls it and shows its progress. */
final class FollowOptions {

    @Option(names = "--poll-millis", defaultValue = "1000", paramLabel = "MS",
            description = "How often to ask for the job's progress, in milliseconds (default ${DEFAULT-VALUE})")
    long pollMillis;

    @Option(names = "--patience-seconds", defaultValue = "120", paramLabel = "S",
            description = "How long to keep asking while the ledger does not answer, e.g. during a restart "
                    + "(default ${DEFAULT-VALUE})")
    long patienceSeconds;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar, only the outcome")
    boolean quiet;

    JobFollower follower(LedgerClient client, PrintWriter err, boolean terminal) {
        return new JobFollower(client, err, terminal, quiet, Duration.ofMillis(Math.max(50, pollMillis)),
                Duration.ofSeconds(Math.max(0, patienceSeconds)));
    }
}
