package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/** @param duplicate true when the charge had already been posted and nothing new was recorded */
public record ChargeReceipt(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod, Money amount,
                            EnergyKwh kwh, String description, LocalDate dueDate, LocalDate postedOn,
                            boolean duplicate) {
}
