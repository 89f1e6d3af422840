package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * Writes off the account's accrued, unpaid penalties under a PENALTY_AMNESTY programme it is enrolled in,
 * when {@code monthsPaidInFull} consecutive billing months from the enrolment month on were paid in full by
 * their due dates on or before {@code asOf} (the programme's {@code amnestyMonthsPaidInFull}). Penalties are
 * first accrued to {@code asOf}. Once per enrolment.
 */
public record ReviewAmnesty(@TargetAggregateIdentifier AccountId accountId, ProgramId programId,
                            int monthsPaidInFull, LocalDate asOf) implements AccountCommand {

    public ReviewAmnesty {
        Fields.required(accountId, "accountId");
        Fields.required(programId, "programId");
        Fields.required(asOf, "asOf");
        if (monthsPaidInFull < 1) {
            throw new IllegalArgumentException("monthsPaidInFull must be at least 1");
        }
    }
}
