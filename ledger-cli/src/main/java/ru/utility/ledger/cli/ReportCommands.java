package ru.utility.ledger.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger report turnover|reconciliation|penalty-calculation}: the finance reports, as files. */
@Command(name = "report", description = "Finance reports: turnover balance sheet, reconciliation statement, "
        + "penalty calculation.",
        subcommands = {ReportCommands.Turnover.class, ReportCommands.Reconciliation.class,
                ReportCommands.PenaltyCalculation.class})
final class ReportCommands {

    static String accept(String format) {
        return switch (format) {
            case "html" -> "text/html";
            case "json" -> "application/json";
            default -> "text/csv";
        };
    }

    @Command(name = "turnover", description = "Turnover balance sheet (оборотно-сальдовая ведомость) for a period as "
            + "CSV: a line per account, then region totals and the total (roles FINANCE, AUDITOR).")
    static final class Turnover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE", description = "First business date (required by the ledger)")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last business date, not after today (required by "
                + "the ledger)")
        String to;

        @Option(names = "--known-at", paramLabel = "INSTANT", description = "The period as the ledger knew it at "
                + "this instant, e.g. 2026-12-01T00:00:00Z")
        String knownAt;

        @Option(names = "--region", paramLabel = "CODE", description = "Only this region")
        String region;

        @Mixin
        ExportOptions export;

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("from", from);
            query.put("to", to);
            query.put("knownAt", knownAt);
            query.put("region", region);
            query.put("format", "csv");
            query.put("dialect", export.dialect);
            export.download(spec, "/api/v1/reports/turnover", query, "text/csv");
            return ExitCodes.OK;
        }
    }

    /** What the account reports share: the account, the format, the CSV dialect and the download. */
    abstract static class AccountReport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ACCOUNT")
        String account;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
                description = "csv (default), html (a page to print) or json")
        String format;

        @Mixin
        ExportOptions export;

        /** The report's path below the account, e.g. {@code reconciliation}. */
        abstract String report();

        /** The report's own query parameters, in the order the API lists them. */
        abstract Map<String, String> dates();

        @Override
        public Integer call() {
            Map<String, String> query = new LinkedHashMap<>(dates());
            query.put("format", format);
            query.put("dialect", export.dialect);
            export.download(spec, "/api/v1/accounts/" + LedgerClient.segment(account) + "/" + report(), query,
                    accept(format));
            return ExitCodes.OK;
        }
    }

    @Command(name = "reconciliation", description = "Reconciliation statement (акт сверки) of an account between two "
            + "dates (roles FINANCE, AUDITOR).")
    static final class Reconciliation extends AccountReport {
        @Option(names = "--from", paramLabel = "DATE", description = "First business date (required by the ledger)")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last business date (required by the ledger)")
        String to;

        @Override
        String report() {
            return "reconciliation";
        }

        @Override
        Map<String, String> dates() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("from", from);
            query.put("to", to);
            return query;
        }
    }

    @Command(name = "penalty-calculation", description = "The penalty owed on a date laid out for a court (расчёт "
            + "пени) (roles OPERATOR, FINANCE, AUDITOR).")
    static final class PenaltyCalculation extends AccountReport {
        @Option(names = "--as-of", paramLabel = "DATE", description = "Business date (default: the ledger's today)")
        String asOf;

        @Override
        String report() {
            return "penalty-calculation";
        }

        @Override
        Map<String, String> dates() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("asOf", asOf);
            return query;
        }
    }
}
