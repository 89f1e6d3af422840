package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/** @param amount budget committed to the account (zero for kinds that spend nothing on enrolment) */
@Revision("1")
public record EnrolmentReserved(ProgramId programId, AccountId accountId, LocalDate enrolledOn, Money amount)
        implements ProgramEvent {
}
