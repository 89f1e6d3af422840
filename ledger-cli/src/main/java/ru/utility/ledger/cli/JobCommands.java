package ru.utility.ledger.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

/** {@code ledger job status|wait|failed-lines JOB_ID}. The API has no list of jobs; the console's jobs page has. */
@Command(name = "job", description = "A bulk job's state, progress and failed lines.",
        subcommands = {JobCommands.Status.class, JobCommands.Wait.class, JobCommands.FailedLines.class})
final class JobCommands {

    private static JsonNode job(LedgerClient client, String jobId) {
        return client.getJson("/api/v1/jobs/" + LedgerClient.segment(jobId), Map.of());
    }

    @Command(name = "status", description = "The job's state, counts, rate, ETA and first errors.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "JOB_ID")
        String jobId;

        @Option(names = "--json", description = "The ledger's JSON as it came")
        boolean json;

        @Override
        public Integer call() {
            JsonNode job = job(LedgerCli.client(spec), jobId);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(LedgerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job));
            } else {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String name : new String[] {"jobId", "kind", "state", "fileName", "createdBy", "createdAt",
                        "startedAt", "finishedAt", "linesTotal", "linesDone", "linesFailed", "linesPending",
                        "ratePerSecond", "etaSeconds"}) {
                    JsonNode value = job.get(name);
                    fields.put(name, value == null || value.isNull() ? "" : value.asString());
                }
                fields.forEach((name, value) -> out.printf("%-13s %s%n", name, value));
                out.println("progress      " + JobProgress.line(job));
                for (JsonNode error : job.path("firstErrors")) {
                    out.println("error         line " + error.path("line").asString() + " "
                            + error.path("code").asString() + ": " + error.path("reason").asString());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "wait", description = "Follow a job (e.g. one uploaded with --no-wait) until it ends; exit code "
            + "as for upload.")
    static final class Wait implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "JOB_ID")
        String jobId;

        @Mixin
        FollowOptions follow;

        @Override
        public Integer call() {
            LedgerCli cli = LedgerCli.of(spec);
            LedgerClient client = LedgerCli.client(spec);
            return follow.follower(client, spec.commandLine().getErr(), cli.terminal).follow(job(client, jobId));
        }
    }

    @Command(name = "failed-lines", description = "Every failed line as CSV: line,accountId,reference,code,reason.")
    static final class FailedLines implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "JOB_ID")
        String jobId;

        @Mixin
        ExportOptions export;

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("dialect", export.dialect);
            export.download(spec, "/api/v1/jobs/" + LedgerClient.segment(jobId) + "/errors", query, "text/csv");
            return ExitCodes.OK;
        }
    }
}
