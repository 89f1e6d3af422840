package ru.utility.ledger.api.overdue;

import io.swagger.v3.oas.annotations.media.Schema;

/** Requests of the overdue list ({@link OverdueController}). */
public final class OverdueRequests {

    private OverdueRequests() {
    }

    /**
     * The overdue list's query parameters, bound from the request as raw text so that {@link OverdueController}
     * validates each one and names it in a 400. Shared by the JSON page and the CSV export.
     */
    public record OverdueParams(
            @Schema(description = "Business date, default today", example = "2026-11-25", format = "date") String asOf,
            @Schema(example = "77") String region,
            @Schema(description = "Social category valid on asOf", example = "PENSIONER") String category,
            @Schema(description = "Bucket of the account's oldest overdue charge", example = "DAYS_31_90")
            String bucket,
            @Schema(description = "1-100000") String minDays,
            @Schema(description = "The account's whole overdue amount", example = "1000.00") String minAmount,
            @Schema(description = "true: a relief enrolment is active on asOf; false: none is") String inRelief,
            @Schema(description = "true: meets the restriction-candidate rule on asOf; false: does not")
            String restrictionEligible,
            @Schema(description = "daysOverdue (default), amount or accountId") String sort,
            @Schema(description = "desc (default) or asc") String direction,
            @Schema(description = "1-1000, default 100") String limit,
            @Schema(description = "nextCursor of the previous page") String cursor,
            @Schema(description = "json (default) or csv", allowableValues = {"json", "csv"}) String format,
            @Schema(description = "CSV dialect: rfc4180 (default) or excel (semicolons, decimal commas, UTF-8 BOM)")
            String dialect) {
    }
}
