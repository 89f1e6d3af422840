package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;

import java.time.LocalDate;

/** @param duplicate true when the payment had already been reversed for the same reason */
public record ReversalReceipt(AccountId accountId, PaymentId paymentId, Money amount, String reason,
                             LocalDate reversedOn, boolean duplicate) {
}
