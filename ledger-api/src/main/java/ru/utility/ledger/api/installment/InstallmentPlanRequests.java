package ru.utility.ledger.api.installment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the installment plan endpoints ({@link InstallmentPlanController}). */
public final class InstallmentPlanRequests {

    private InstallmentPlanRequests() {
    }

    public record AgreePlanRequest(
            @Schema(example = "PLAN-2026-11-1") String planId,
            @Schema(example = "INSTALMENTS-12") String programId,
            @Schema(example = "6", description = "Number of monthly installments, within the programme's range")
            String installments,
            @Schema(example = "2026-11-20", format = "date", description = "Today when omitted") String agreedOn,
            @Schema(example = "2026-12-20", format = "date",
                    description = "One month after agreedOn when omitted") String firstDueDate) {
    }

    public record ReviewRequest(
            @Schema(example = "2026-11-25", format = "date",
                    description = "Review misses up to this date; today when omitted") String asOf) {
    }

    public record ReviewRunRequest(
            @Schema(example = "2026-11-25", format = "date",
                    description = "Review misses up to this date; today when omitted") String asOf,
            @Schema(description = "Only these accounts (at most 1000); every open account when omitted")
            List<String> accountIds) {
    }
}
