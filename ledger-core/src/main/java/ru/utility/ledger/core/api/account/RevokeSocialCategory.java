package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/** Ends a granted category: from {@code revokedOn} on it no longer applies. */
public record RevokeSocialCategory(@TargetAggregateIdentifier AccountId accountId, SocialCategory category,
                                   LocalDate revokedOn, String reason) implements AccountCommand {

    public static final int REASON_MAX = 500;

    public RevokeSocialCategory {
        Fields.required(accountId, "accountId");
        Fields.required(category, "category");
        Fields.required(revokedOn, "revokedOn");
        reason = Fields.text(reason, "reason", REASON_MAX);
    }
}
