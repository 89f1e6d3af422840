package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/**
 * @param category          personal data (a disability above all): stored sealed from revision 2 on; null once
 *                          the holder's personal data has been erased
 * @param validTo           the last day of validity; null while open-ended
 * @param documentReference personal data: stored sealed with the account's data key from revision 2 on
 *                          (docs/operating/data-protection.md); {@code [erased]} once the data has been erased
 */
@Revision("2")
public record SocialCategoryGranted(AccountId accountId, SocialCategory category, LocalDate validFrom,
                                    LocalDate validTo, String documentReference) implements AccountEvent {
}
