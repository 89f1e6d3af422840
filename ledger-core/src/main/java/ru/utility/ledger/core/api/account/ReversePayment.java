package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

public record ReversePayment(@TargetAggregateIdentifier AccountId accountId, PaymentId paymentId, String reason,
                             LocalDate reversedOn) implements AccountCommand {

    public static final int REASON_MAX = 500;

    public ReversePayment {
        Fields.required(accountId, "accountId");
        Fields.required(paymentId, "paymentId");
        reason = Fields.text(reason, "reason", REASON_MAX);
        Fields.required(reversedOn, "reversedOn");
    }
}
