package ru.utility.ledger.core.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.ReversalReceipt;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the account remembers of a payment: enough to answer a repeated RecordPayment or ReversePayment.
 *
 * @param reversalReason null until the payment is reversed
 * @param reversedOn     null until the payment is reversed
 */
public record PaymentEntry(PaymentId paymentId, Money amount, PaymentChannel channel, LocalDate receivedOn,
                           BillingPeriod billingPeriod, String reversalReason, LocalDate reversedOn) {

    public PaymentEntry {
        Objects.requireNonNull(paymentId, "paymentId");
    }

    static PaymentEntry of(PaymentRecorded event) {
        return new PaymentEntry(event.paymentId(), event.amount(), event.channel(), event.receivedOn(),
                event.billingPeriod(), null, null);
    }

    PaymentEntry withReversal(String reason, LocalDate on) {
        return new PaymentEntry(paymentId, amount, channel, receivedOn, billingPeriod, reason, on);
    }

    // Annotated so that a snapshot does not store a derived property it could not read back.
    @JsonIgnore
    public boolean isReversed() {
        return reversedOn != null;
    }

    boolean hasSameContentAs(RecordPayment command) {
        return Objects.equals(amount, command.amount())
                && channel == command.channel()
                && Objects.equals(receivedOn, command.receivedOn())
                && Objects.equals(billingPeriod, command.billingPeriod());
    }

    PaymentReceipt receipt(AccountId accountId, boolean duplicate) {
        return new PaymentReceipt(accountId, paymentId, amount, channel, receivedOn, billingPeriod, duplicate);
    }

    ReversalReceipt reversalReceipt(AccountId accountId, boolean duplicate) {
        return new ReversalReceipt(accountId, paymentId, amount, reversalReason, reversedOn, duplicate);
    }
}
