package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/**
 * @param receivedOn    the bank's value date, often days before the ledger hears of it
 * @param billingPeriod optional: the period the payer named; without it the oldest debt is paid first
 */
public record RecordPayment(@TargetAggregateIdentifier AccountId accountId, PaymentId paymentId, Money amount,
                            PaymentChannel channel, LocalDate receivedOn, BillingPeriod billingPeriod)
        implements AccountCommand {

    public RecordPayment {
        Fields.required(accountId, "accountId");
        Fields.required(paymentId, "paymentId");
        amount = Fields.positiveAmount(amount, "amount");
        Fields.required(channel, "channel");
        Fields.required(receivedOn, "receivedOn");
    }
}
