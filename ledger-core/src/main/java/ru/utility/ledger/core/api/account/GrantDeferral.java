package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * Grants a deferral under a DEFERRAL programme the account is enrolled in. The sender copies the
 * programme's {@code maxDeferralMonths}, as the enrolment process copies its terms.
 */
public record GrantDeferral(@TargetAggregateIdentifier AccountId accountId, DeferralId deferralId, ProgramId programId,
                            LocalDate grantedOn, LocalDate endsOn, int maxDeferralMonths) implements AccountCommand {

    public GrantDeferral {
        Fields.required(accountId, "accountId");
        Fields.required(deferralId, "deferralId");
        Fields.required(programId, "programId");
        Fields.required(grantedOn, "grantedOn");
        Fields.required(endsOn, "endsOn");
        if (maxDeferralMonths < 1) {
            throw new IllegalArgumentException("maxDeferralMonths must be positive");
        }
    }
}
