package ru.utility.ledger.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.JsonNode;

/** {@code ledger upload billing-run|registry FILE}: one bulk job per file, followed until it ends. */
@Command(name = "upload", description = "Upload a file as a bulk job and follow it to the end (docs/using/jobs.md).",
        subcommands = {UploadCommands.BillingRun.class, UploadCommands.Registry.class})
final class UploadCommands {

    @Command(name = "billing-run", description = "A billing run: accountId,period,amount[,kWh[,postedOn]] per line.")
    static final class BillingRun implements Callable<Integer> {
        @Mixin
        Upload upload;

        @Override
        public Integer call() {
            return upload.run("/api/v1/billing-runs", Map.of());
        }
    }

    @Command(name = "registry", description = "A bank payment registry in a registry profile's layout (default: "
            + "reference;accountId;amount;valueDate[;payer] per line and the control line =;count;total).")
    static final class Registry implements Callable<Integer> {
        @Mixin
        Upload upload;

        @Option(names = "--profile", paramLabel = "NAME",
                description = "The bank's registry profile, e.g. sber (default: the ledger's default profile; "
                        + "GET /api/v1/registry-profiles lists them)")
        String profile;

        @Override
        public Integer call() {
            return upload.run("/api/v1/payment-registries", profile == null ? Map.of() : Map.of("profile", profile));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** What both uploads share. */
    static final class Upload {

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file")
        Path file;

        @Option(names = "--no-wait", description = "Print the job id and return at once (follow it with `job wait`)")
        boolean noWait;

        @Option(names = "--file-name", paramLabel = "NAME",
                description = "The name the job records (default: the file's own name)")
        String fileName;

        @Option(names = "--charset", paramLabel = "CHARSET",
                description = "The file's encoding, e.g. windows-1251 (default: the ledger detects UTF-8 or "
                        + "windows-1251)")
        Charset charset;

        @Mixin
        FollowOptions follow;

        int run(String path, Map<String, String> options) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "cannot read the file " + file);
            }
            LedgerCli cli = LedgerCli.of(spec);
            LedgerClient client = LedgerCli.client(spec);
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("fileName", fileName != null ? fileName : file.getFileName().toString());
            query.putAll(options);
            String contentType = "text/csv" + (charset == null ? "" : "; charset=" + charset.name());
            if (!follow.quiet) {
                // A large file takes a while to send; the job and its bar exist only once it has arrived.
                err.println("uploading " + file + " (" + size(file) + " bytes)");
                err.flush();
            }
            LedgerClient.Json answer;
            try {
                answer = client.postFile(path, query, file, contentType);
            } catch (LedgerException.Refused e) {
                int status = e.problem().status();
                if (status == 413 || status == 422) {
                    err.println(e.getMessage());
                    err.println("the file was refused as a whole: nothing was imported");
                    err.flush();
                    return ExitCodes.JOB_FAILED;
                }
                throw e;
            }
            JsonNode job = answer.body();
            String jobId = job.path("jobId").asString();
            if (answer.status() == 200) {
                err.println("this file was uploaded before (same SHA-256) as job " + jobId
                        + ": nothing new is imported; showing that job");
                err.flush();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(jobId);
            out.flush();
            if (noWait) {
                return ExitCodes.OK;
            }
            return follow.follower(client, err, cli.terminal).follow(job);
        }
    }
}
