package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account joined a relief programme; its terms are copied so that later charges can be decided on
 * the account's own events.
 *
 * @param activeTo last day the programme applies; null while open-ended
 * @param percent    DISCOUNT / COMPENSATION percent; null for other kinds
 * @param categories the programme's qualifying categories (empty: any holder); a relief that applies
 *                   later (a discount) applies only while one of them is valid
 */
@Revision("1")
public record AccountEnrolled(AccountId accountId, ProgramId programId, ReliefKind kind, LocalDate enrolledOn,
                              LocalDate activeTo, BigDecimal percent, Set<SocialCategory> categories)
        implements AccountEvent {

    // Sorted, so the stored JSON is the same on every JVM.
    public AccountEnrolled {
        categories = Collections.unmodifiableSortedSet(new TreeSet<>(categories == null ? Set.of() : categories));
    }
}
