package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.PostCharge;

import java.time.LocalDate;
import java.util.Objects;

/** What the account remembers of a posted charge: enough to answer a repeated PostCharge. */
public record ChargeEntry(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, EnergyKwh kwh,
                          String description, LocalDate dueDate, LocalDate postedOn) {

    public ChargeEntry {
        Objects.requireNonNull(chargeId, "chargeId");
    }

    static ChargeEntry of(ChargePosted event) {
        return new ChargeEntry(event.chargeId(), event.billingPeriod(), event.amount(), event.kwh(),
                event.description(), event.dueDate(), event.postedOn());
    }

    /**
     * The due date is left out: it is derived by the ledger, not sent by the caller. So is a posting date the
     * caller left to the ledger: a retry tomorrow of a charge posted today is still the same charge.
     */
    boolean hasSameContentAs(PostCharge command) {
        return Objects.equals(billingPeriod, command.billingPeriod())
                && (command.postedOn() == null || command.postedOn().equals(postedOn))
                && Objects.equals(amount, command.amount())
                && sameKwh(kwh, command.kwh())
                && Objects.equals(description, command.description());
    }

    ChargeReceipt receipt(AccountId accountId, boolean duplicate) {
        return new ChargeReceipt(accountId, chargeId, billingPeriod, amount, kwh, description, dueDate, postedOn,
                duplicate);
    }

    // "120.5" and "120.50" kWh are the same reading resent with another scale, not a different charge.
    private static boolean sameKwh(EnergyKwh posted, EnergyKwh requested) {
        return posted == null ? requested == null : posted.hasSameQuantityAs(requested);
    }
}
