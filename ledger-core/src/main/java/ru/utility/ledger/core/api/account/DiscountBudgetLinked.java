package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * Recorded with {@link AccountEnrolled} for a DISCOUNT programme that has a budget: from now on the
 * account does not credit that programme's discounts itself but claims them ({@link DiscountClaimed}),
 * and the programme pays them from its budget (the relief enrolment saga carries the claim over).
 */
@Revision("1")
public record DiscountBudgetLinked(AccountId accountId, ProgramId programId, LocalDate linkedOn) implements AccountEvent {
}
