package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

/** The account refused the reservation; {@code amount} is back in the budget. */
@Revision("1")
public record EnrolmentReleased(ProgramId programId, AccountId accountId, Money amount, String reason)
        implements ProgramEvent {
}
