package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;

import java.time.LocalDate;

/**
 * Charges an account for a billing period. Defaults are filled in here rather than in the aggregate so
 * that a retry that omits them is recognised as the same charge.
 *
 * @param chargeId    defaults to {@link ChargeId#energyFor} the period
 * @param kwh         optional: adjustments have no metered energy
 * @param description defaults to "Electricity for YYYY-MM"
 * @param postedOn    optional business date of the charge (backdated billing, migration); the account fills in
 *                    today by the ledger's clock. Left empty rather than defaulted here, so a retry on a later
 *                    day that omits it is still the same charge.
 */
public record PostCharge(@TargetAggregateIdentifier AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod,
                         Money amount, EnergyKwh kwh, String description, LocalDate postedOn) implements AccountCommand {

    public static final int DESCRIPTION_MAX = 500;

    public PostCharge {
        Fields.required(accountId, "accountId");
        Fields.required(billingPeriod, "billingPeriod");
        amount = Fields.positiveAmount(amount, "amount");
        if (chargeId == null) {
            chargeId = ChargeId.energyFor(billingPeriod);
        }
        if (description == null || description.isBlank()) {
            description = "Electricity for " + billingPeriod;
        }
        description = Fields.text(description, "description", DESCRIPTION_MAX);
    }

    /** A charge dated today by the ledger's clock. */
    public PostCharge(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod, Money amount, EnergyKwh kwh,
                      String description) {
        this(accountId, chargeId, billingPeriod, amount, kwh, description, null);
    }
}
