package ru.utility.ledger.core.api.category;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.SocialCategory;

/** The holder's social categories as granted and revoked on the account, read-only. */
public interface Categories {

    List<CategoryGrant> grants();

    /** The category's latest grant that has not been revoked. */
    Optional<CategoryGrant> current(SocialCategory category);

    /** The category's latest grant, revoked or not. */
    Optional<CategoryGrant> latest(SocialCategory category);

    boolean isValidOn(SocialCategory category, LocalDate day);
}
