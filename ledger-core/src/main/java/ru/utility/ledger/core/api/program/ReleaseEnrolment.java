package ru.utility.ledger.core.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;

import java.util.Objects;

/** Gives back a reservation the account side refused, so its money returns to the budget. */
public record ReleaseEnrolment(@TargetAggregateIdentifier ProgramId programId, AccountId accountId, String reason)
        implements ProgramCommand {

    public ReleaseEnrolment {
        Objects.requireNonNull(programId, "programId must not be null");
        Objects.requireNonNull(accountId, "accountId must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }
}
