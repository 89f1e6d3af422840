package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * Revision 2 added {@code postedOn}; revision-1 events get the Moscow date of their recording instant from
 * the upcaster, the date they had always been treated as posted on.
 *
 * @param dueDate  already shifted to a working day under the rules in force when the charge was posted
 * @param postedOn the business date the debt was billed on: statements, as-of balances and relief figures
 *                 count the charge from this day (it may lie before the day the ledger recorded it)
 */
@Revision("2")
public record ChargePosted(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod, Money amount,
                           EnergyKwh kwh, String description, LocalDate dueDate, LocalDate postedOn)
        implements AccountEvent {
}
