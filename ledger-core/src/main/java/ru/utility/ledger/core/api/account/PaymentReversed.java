package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/** @param amount the reversed payment's amount, so readers need not look the payment up */
@Revision("1")
public record PaymentReversed(AccountId accountId, PaymentId paymentId, Money amount, String reason,
                              LocalDate reversedOn) implements AccountEvent {
}
