package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

@Revision("1")
public record AccountClosed(AccountId accountId, LocalDate closedOn) implements AccountEvent {
}
