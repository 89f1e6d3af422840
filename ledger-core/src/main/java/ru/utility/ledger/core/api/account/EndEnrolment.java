package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * Ends the account's enrolment in a programme from {@code endedOn} on (the programme's closure date);
 * sent by the relief enrolment saga when the programme closes. A repeat with the same date records nothing.
 */
public record EndEnrolment(@TargetAggregateIdentifier AccountId accountId, ProgramId programId, LocalDate endedOn,
                           String reason) implements AccountCommand {

    public EndEnrolment {
        Fields.required(accountId, "accountId");
        Fields.required(programId, "programId");
        Fields.required(endedOn, "endedOn");
        reason = Fields.text(reason, "reason", 500);
    }
}
