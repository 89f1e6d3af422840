package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;

import java.time.LocalDate;

/** Ends a running deferral on {@code endedOn}; a repeat is recognised by its reason, like a reversal. */
public record EndDeferralEarly(@TargetAggregateIdentifier AccountId accountId, DeferralId deferralId,
                               LocalDate endedOn, String reason) implements AccountCommand {

    public EndDeferralEarly {
        Fields.required(accountId, "accountId");
        Fields.required(deferralId, "deferralId");
        Fields.required(endedOn, "endedOn");
        reason = Fields.text(reason, "reason", 500);
    }
}
