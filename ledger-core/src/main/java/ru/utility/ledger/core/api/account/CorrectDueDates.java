package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;

/**
 * Re-derives the due date of every charge already posted under the due-date rules in force (regimes and the
 * production calendar) and records a {@link DueDateCorrected} for each one that differs. Repeating it records
 * nothing new.
 */
public record CorrectDueDates(@TargetAggregateIdentifier AccountId accountId) implements AccountCommand {

    public CorrectDueDates {
        Fields.required(accountId, "accountId");
    }
}
