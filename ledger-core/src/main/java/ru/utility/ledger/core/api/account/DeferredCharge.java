package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * A charge a deferral covers.
 *
 * @param dueDateBefore the due date in force when the deferral was granted (the billed one, or an earlier
 *                      deferral's end)
 * @param outstanding   what was unpaid of it on the grant, for the record; payments may still settle it
 */
public record DeferredCharge(ChargeId chargeId, LocalDate dueDateBefore, Money outstanding) {
}
