package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

/**
 * @param correction   the correction as recorded (on a repeat: as first recorded)
 * @param chargeAmount what the corrected charge amounts to now; an increase leaves it as it was, being a debt of
 *                     its own
 * @param duplicate    true when the correction had already been recorded and nothing new was recorded
 */
public record ChargeCorrectionReceipt(AccountId accountId, ChargeCorrected correction, Money chargeAmount,
                                      boolean duplicate) {
}
