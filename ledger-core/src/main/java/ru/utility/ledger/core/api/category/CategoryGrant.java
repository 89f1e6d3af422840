package ru.utility.ledger.core.api.category;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PersonalData;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.CategoryReceipt;

import java.time.LocalDate;

/**
 * One grant of a social category, with its revocation once revoked.
 *
 * @param validTo   last day of validity as granted; null while open-ended
 * @param category  null once the holder's personal data has been erased: then it never applies
 * @param revokedOn first day it no longer applies; null unless revoked
 */
public record CategoryGrant(SocialCategory category, LocalDate validFrom, LocalDate validTo, String documentReference,
                            LocalDate revokedOn, String revocationReason) {

    public boolean isRevoked() {
        return revokedOn != null;
    }

    /** Whether the category applies on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        return category != null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo))
                && (revokedOn == null || day.isBefore(revokedOn));
    }

    public CategoryGrant revoke(LocalDate on, String reason) {
        return new CategoryGrant(category, validFrom, validTo, documentReference, on, reason);
    }

    /** The grant as it reads once the holder's personal data is erased: dates kept, category and document gone. */
    public CategoryGrant withPersonalDataErased() {
        return new CategoryGrant(null, validFrom, validTo, PersonalData.ERASED, revokedOn, revocationReason);
    }

    public CategoryReceipt receipt(AccountId accountId, boolean duplicate) {
        return new CategoryReceipt(accountId, category, validFrom, validTo, documentReference, revokedOn,
                revocationReason, duplicate);
    }
}
