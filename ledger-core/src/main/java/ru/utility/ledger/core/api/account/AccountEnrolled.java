package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The account joined a relief programme; its terms are copied so that later charges can be decided on
 * the account's own events.
 *
 * @param activeTo last day the programme applies; null while open-ended
 * @param percent  DISCOUNT / COMPENSATION percent; null for other kinds
 */
@Revision("1")
public record AccountEnrolled(AccountId accountId, ProgramId programId, ReliefKind kind, LocalDate enrolledOn,
                              LocalDate activeTo, BigDecimal percent) implements AccountEvent {
}
