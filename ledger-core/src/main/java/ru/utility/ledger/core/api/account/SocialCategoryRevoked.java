package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/**
 * @param category  personal data: stored sealed from revision 2 on; null once the holder's personal data has been
 *                  erased (docs/operating/data-protection.md)
 * @param revokedOn the first day the category no longer applies
 */
@Revision("2")
public record SocialCategoryRevoked(AccountId accountId, SocialCategory category, LocalDate revokedOn, String reason)
        implements AccountEvent {
}
