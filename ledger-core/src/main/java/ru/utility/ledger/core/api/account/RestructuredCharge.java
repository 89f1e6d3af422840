package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

/** What of a charge an installment plan took over: its outstanding principal on the agreement. */
public record RestructuredCharge(ChargeId chargeId, Money amount) {
}
