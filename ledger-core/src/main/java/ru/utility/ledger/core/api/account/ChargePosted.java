package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/** @param dueDate already shifted to a working day under the rules in force when the charge was posted */
@Revision("1")
public record ChargePosted(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod, Money amount,
                           EnergyKwh kwh, String description, LocalDate dueDate) implements AccountEvent {
}
