package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

/**
 * A plan as recorded.
 *
 * @param duplicate true when the command repeated what was recorded and nothing new was recorded
 */
public record InstallmentPlanReceipt(AccountId accountId, InstallmentPlanAgreed agreed, boolean duplicate) {
}
