package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/** @param revokedOn the first day the category no longer applies */
@Revision("1")
public record SocialCategoryRevoked(AccountId accountId, SocialCategory category, LocalDate revokedOn, String reason)
        implements AccountEvent {
}
