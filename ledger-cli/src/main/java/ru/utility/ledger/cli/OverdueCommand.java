package ru.utility.ledger.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger overdue}: every matching overdue account as CSV, with the API's filters. */
@Command(name = "overdue", description = "Accounts with overdue debt on a business date as CSV (every match, "
        + "streamed; roles FINANCE, AUDITOR, ADMIN).")
final class OverdueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Business date (default: the ledger's today)")
    String asOf;

    @Option(names = "--region", paramLabel = "CODE", description = "Region code, e.g. 77")
    String region;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Social category valid on the date, e.g. "
            + "PENSIONER")
    String category;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "Bucket of the oldest overdue charge: "
            + "DAYS_1_30, DAYS_31_90, DAYS_91_180, DAYS_181_365, OVER_365")
    String bucket;

    @Option(names = "--min-days", paramLabel = "N", description = "At least N days overdue (1-100000)")
    String minDays;

    @Option(names = "--min-amount", paramLabel = "AMOUNT", description = "Overdue amount at least this, e.g. 1000.00")
    String minAmount;

    @Option(names = "--in-relief", paramLabel = "true|false", description = "Relief enrolment active on the date")
    String inRelief;

    @Option(names = "--restriction-eligible", paramLabel = "true|false",
            description = "Meets the restriction-candidate rule on the date")
    String restrictionEligible;

    @Option(names = "--sort", paramLabel = "KEY", description = "daysOverdue (default), amount or accountId")
    String sort;

    @Option(names = "--direction", paramLabel = "DIR", description = "desc (default) or asc")
    String direction;

    @Mixin
    ExportOptions export;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("asOf", asOf);
        query.put("region", region);
        query.put("category", category);
        query.put("bucket", bucket);
        query.put("minDays", minDays);
        query.put("minAmount", minAmount);
        query.put("inRelief", inRelief);
        query.put("restrictionEligible", restrictionEligible);
        query.put("sort", sort);
        query.put("direction", direction);
        query.put("format", "csv");
        query.put("dialect", export.dialect);
        export.download(spec, "/api/v1/overdue", query, "text/csv");
        return ExitCodes.OK;
    }
}
