package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/** @param validTo the last day of validity; null while open-ended */
@Revision("1")
public record SocialCategoryGranted(AccountId accountId, SocialCategory category, LocalDate validFrom,
                                    LocalDate validTo, String documentReference) implements AccountEvent {
}
