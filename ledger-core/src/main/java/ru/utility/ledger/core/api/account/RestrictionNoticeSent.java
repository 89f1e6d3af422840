package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/** The holder was sent a notice that supply may be restricted for debt; it moves no money. */
@Revision("1")
public record RestrictionNoticeSent(AccountId accountId, String noticeId, LocalDate sentOn) implements AccountEvent {
}
