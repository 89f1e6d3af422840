package ru.utility.ledger.api.program;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

/** Response bodies of the relief budget endpoints ({@link ReliefBudgetController}). */
public final class ReliefBudgetResponses {

    private ReliefBudgetResponses() {
    }

    /**
     * @param budget null for a programme without a budget (then {@code left} is null too)
     */
    public record BudgetResponse(ProgramId programId, Money budget,
                                 @Schema(description = "Reserved by COMPENSATION enrolments") Money reserved,
                                 @Schema(description = "Paid to DISCOUNT claims") Money drawn,
                                 Money left, int discountsPaid, int discountsRefused) {
    }

    /** @param code and reason: why the programme refused; null unless REFUSED */
    public record ClaimResponse(ProgramId programId, String chargeId, String creditId, Money amount,
                                LocalDate claimedOn, ClaimStatus status, String code, String reason) {
    }

    public enum ClaimStatus { PENDING, CREDITED, REFUSED }
}
