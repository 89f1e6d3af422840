package ru.utility.ledger.core.api.debt;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/** A recorded payment as a source of money; a reversed payment pays nothing. */
public record PaymentCredit(PaymentId paymentId, Money amount, LocalDate receivedOn, BillingPeriod billingPeriod,
                            boolean reversed) {

    public PaymentCredit reverse() {
        return new PaymentCredit(paymentId, amount, receivedOn, billingPeriod, true);
    }
}
