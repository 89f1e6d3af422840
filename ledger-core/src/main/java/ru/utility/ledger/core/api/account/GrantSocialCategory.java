package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/**
 * Records that the holder belongs to a social category.
 *
 * @param validTo           the last day of validity; null while open-ended
 * @param documentReference the supporting document (certificate number, registry entry)
 */
public record GrantSocialCategory(@TargetAggregateIdentifier AccountId accountId, SocialCategory category,
                                  LocalDate validFrom, LocalDate validTo, String documentReference)
        implements AccountCommand {

    public static final int DOCUMENT_MAX = 200;

    public GrantSocialCategory {
        Fields.required(accountId, "accountId");
        Fields.required(category, "category");
        Fields.required(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        documentReference = Fields.text(documentReference, "documentReference", DOCUMENT_MAX);
    }
}
