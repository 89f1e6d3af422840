package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;

/**
 * The state of a category grant after a grant or revocation command.
 *
 * @param revokedOn null unless revoked
 * @param duplicate true when the command repeated what was already recorded and nothing new was recorded
 */
public record CategoryReceipt(AccountId accountId, SocialCategory category, LocalDate validFrom, LocalDate validTo,
                              String documentReference, LocalDate revokedOn, String revocationReason,
                              boolean duplicate) {
}
