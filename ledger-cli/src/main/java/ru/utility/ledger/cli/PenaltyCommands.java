package ru.utility.ledger.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

/** {@code ledger penalty run}: accrue penalties of every open account (or of some) to a date. */
@Command(name = "penalty", description = "Penalty runs.", subcommands = PenaltyCommands.Run.class)
final class PenaltyCommands {

    @Command(name = "run", description = "Accrue every open account's penalties to a date (role OPERATOR). Running it "
            + "again for the same date posts nothing; accounts the rules refuse are listed, the rest are accrued.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Business date (default: the ledger's today)")
        String asOf;

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account (repeat for several, "
                + "at most 1000)")
        List<String> accounts;

        @Option(names = "--json", description = "The ledger's JSON answer on stdout")
        boolean json;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (asOf != null) {
                body.put("asOf", asOf);
            }
            if (accounts != null && !accounts.isEmpty()) {
                body.put("accountIds", accounts);
            }
            JsonNode run = LedgerCli.client(spec).postJson("/api/v1/penalty-runs", body).body();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (json) {
                out.println(LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
            } else {
                out.println("penalties accrued to " + run.path("asOf").asString() + ": "
                        + run.path("accounts").asString() + " accounts, " + run.path("accountsPosted").asString()
                        + " with a posting, " + run.path("totalPosted").asString() + " posted in all");
            }
            out.flush();
            JsonNode failures = run.path("failures");
            for (JsonNode failure : failures) {
                err.println("refused " + failure.path("accountId").asString() + " " + failure.path("code").asString()
                        + ": " + failure.path("reason").asString());
            }
            err.flush();
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.LINES_FAILED;
        }
    }
}
