package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/** @param duplicate true when the payment had already been recorded and nothing new was recorded */
public record PaymentReceipt(AccountId accountId, PaymentId paymentId, Money amount, PaymentChannel channel,
                             LocalDate receivedOn, BillingPeriod billingPeriod, boolean duplicate) {
}
