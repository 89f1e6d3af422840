package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account's enrolment as recorded.
 *
 * @param compensation the credit paid on enrolment; zero unless COMPENSATION
 * @param duplicate    true when the command repeated what was recorded and nothing new was recorded
 */
public record EnrolmentReceipt(AccountId accountId, ProgramId programId, ReliefKind kind, LocalDate enrolledOn,
                               LocalDate activeTo, BigDecimal percent, Money compensation, boolean duplicate) {
}
