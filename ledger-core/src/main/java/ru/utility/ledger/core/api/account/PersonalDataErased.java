package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;

import java.time.LocalDate;

/** The holder's personal data was erased; the event itself holds none. */
@Revision("1")
public record PersonalDataErased(AccountId accountId, LocalDate erasedOn, String reason) implements AccountEvent {
}
