package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * A programme as recorded after a launch or close.
 *
 * @param closedOn  null while open
 * @param duplicate true when the command repeated what was recorded and nothing new was recorded
 */
public record ProgramReceipt(ProgramId programId, String name, ReliefKind kind, LocalDate activeFrom,
                             LocalDate activeTo, Eligibility eligibility, ReliefParameters parameters, Money budget,
                             LocalDate closedOn, String closeReason, boolean duplicate) {
}
