package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

@Revision("1")
public record PaymentRecorded(AccountId accountId, PaymentId paymentId, Money amount, PaymentChannel channel,
                              LocalDate receivedOn, BillingPeriod billingPeriod) implements AccountEvent {
}
