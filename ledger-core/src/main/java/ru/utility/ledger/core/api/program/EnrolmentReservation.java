package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * A reservation with the programme's terms the account needs to check eligibility.
 *
 * @param budgetLeft null when the programme has no budget
 * @param duplicate  true when the account already held this reservation and nothing new was recorded
 */
public record EnrolmentReservation(ProgramId programId, AccountId accountId, LocalDate enrolledOn, Money amount,
                                   ReliefKind kind, Eligibility eligibility, ReliefParameters parameters,
                                   LocalDate activeTo, Money budgetLeft, boolean duplicate) {
}
