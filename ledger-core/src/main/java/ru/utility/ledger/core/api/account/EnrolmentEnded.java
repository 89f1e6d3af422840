package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * The account's enrolment in a programme ended (the programme was closed): from {@code endedOn} on it
 * brings no new relief. What was already granted stays.
 */
@Revision("1")
public record EnrolmentEnded(AccountId accountId, ProgramId programId, LocalDate endedOn, String reason)
        implements AccountEvent {
}
