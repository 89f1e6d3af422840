package ru.utility.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ledger penalty run}: accrue penalties of every open account (or of some) to a date. */
@Command(name = "penalty", description = "Penalty runs.", subcommands = PenaltyCommands.Run.class)
final class PenaltyCommands {

    /** The most accounts one request of the API may list. */
    static final int MAX_BATCH = 1000;

    @Command(name = "run", description = "Accrue every open account's penalties to a date (role OPERATOR). Running it "
            + "again for the same date posts nothing; accounts the rules refuse are listed, the rest are accrued.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--as-of", paramLabel = "DATE", description = "Business date (default: the ledger's today)")
        String asOf;

        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account (repeat for several)")
        List<String> accounts;

        @Option(names = "--accounts-file", paramLabel = "FILE", description = "Only the accounts in FILE, one a line "
                + "(blank lines and lines starting with # skipped), sent in batches: the API runs a request's "
                + "accounts within the request, so millions go in batches")
        Path accountsFile;

        @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N",
                description = "Accounts per request for listed accounts, 1-1000 (default ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--json", description = "The ledger's answer as JSON on stdout (batches added up)")
        boolean json;

        @Override
        public Integer call() {
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new ParameterException(spec.commandLine(), "--batch-size must be 1 to " + MAX_BATCH);
            }
            List<String> listed = listed();
            LedgerClient client = LedgerCli.client(spec);
            PrintWriter err = spec.commandLine().getErr();
            JsonNode run;
            if (listed == null) {
                run = client.postJson("/api/v1/penalty-runs", body(asOf, null)).body();
            } else {
                run = inBatches(client, listed, err);
            }
            PrintWriter out = spec.commandLine().getOut();
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

        /** The accounts named on the line and in the file, each once, in order; null when none are: every account. */
        private List<String> listed() {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            if (accounts != null) {
                all.addAll(accounts);
            }
            if (accountsFile != null) {
                try {
                    for (String line : Files.readAllLines(accountsFile, StandardCharsets.UTF_8)) {
                        String id = line.strip();
                        if (!id.isEmpty() && !id.startsWith("#")) {
                            all.add(id);
                        }
                    }
                } catch (IOException e) {
                    throw new ParameterException(spec.commandLine(), "cannot read " + accountsFile + ": " + e);
                }
                if (all.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), accountsFile + " lists no account");
                }
            }
            return all.isEmpty() ? null : new ArrayList<>(all);
        }

        /**
         * One request per batch, the answers added up. Every batch runs on one date: the first batch's when none was
         * given, so a run across midnight does not mix two days.
         */
        private JsonNode inBatches(LedgerClient client, List<String> listed, PrintWriter err) {
            String day = asOf;
            int accountsRun = 0;
            int posted = 0;
            BigDecimal total = BigDecimal.ZERO;
            ArrayNode failures = LedgerClient.JSON.createArrayNode();
            int batches = (listed.size() + batchSize - 1) / batchSize;
            for (int batch = 0; batch < batches; batch++) {
                List<String> ids = listed.subList(batch * batchSize, Math.min(listed.size(), (batch + 1) * batchSize));
                JsonNode answer = client.postJson("/api/v1/penalty-runs", body(day, ids)).body();
                day = answer.path("asOf").asString();
                accountsRun += answer.path("accounts").asInt();
                posted += answer.path("accountsPosted").asInt();
                total = total.add(new BigDecimal(answer.path("totalPosted").asString("0")));
                answer.path("failures").forEach(failures::add);
                if (batches > 1) {
                    err.println("batch " + (batch + 1) + "/" + batches + ": " + accountsRun + " of " + listed.size()
                            + " accounts, " + failures.size() + " refused");
                    err.flush();
                }
            }
            ObjectNode run = LedgerClient.JSON.createObjectNode();
            run.put("asOf", day);
            run.put("accounts", accountsRun);
            run.put("accountsPosted", posted);
            run.put("totalPosted", total.setScale(2).toPlainString());
            run.set("failures", failures);
            return run;
        }

        private static Map<String, Object> body(String asOf, List<String> accountIds) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (asOf != null) {
                body.put("asOf", asOf);
            }
            if (accountIds != null) {
                body.put("accountIds", accountIds);
            }
            return body;
        }
    }
}
