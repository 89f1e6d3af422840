package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Enrols the account in a programme that has already reserved its place; the account checks that its
 * holder is eligible on {@code enrolledOn}. Sent by the enrolment process with the programme's terms.
 *
 * @param activeTo     last day the programme applies; null while open-ended
 * @param percent      DISCOUNT / COMPENSATION percent
 * @param compensation the credit reserved from the budget; zero unless COMPENSATION
 * @param budgeted     the programme has a budget: a DISCOUNT programme's discounts are then claimed and
 *                     paid from it (DiscountBudgetLinked) instead of credited by the account alone
 */
public record EnrolInProgramme(@TargetAggregateIdentifier AccountId accountId, ProgramId programId, ReliefKind kind,
                               Eligibility eligibility, BigDecimal percent, LocalDate enrolledOn, LocalDate activeTo,
                               Money compensation, boolean budgeted) implements AccountCommand {

    /** A programme without a budget. */
    public EnrolInProgramme(AccountId accountId, ProgramId programId, ReliefKind kind, Eligibility eligibility,
                            BigDecimal percent, LocalDate enrolledOn, LocalDate activeTo, Money compensation) {
        this(accountId, programId, kind, eligibility, percent, enrolledOn, activeTo, compensation, false);
    }

    public EnrolInProgramme {
        Fields.required(accountId, "accountId");
        Fields.required(programId, "programId");
        Fields.required(kind, "kind");
        Fields.required(eligibility, "eligibility");
        Fields.required(enrolledOn, "enrolledOn");
        Fields.required(compensation, "compensation");
        if (compensation.isNegative()) {
            throw new IllegalArgumentException("compensation must not be negative");
        }
    }
}
