package ru.utility.ledger.core.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.RegionCode;

import java.time.LocalDate;

public record OpenAccount(@TargetAggregateIdentifier AccountId accountId, String holderName, RegionCode regionCode,
                          LocalDate openedOn) implements AccountCommand {

    public static final int HOLDER_NAME_MAX = 200;

    public OpenAccount {
        Fields.required(accountId, "accountId");
        holderName = Fields.text(holderName, "holderName", HOLDER_NAME_MAX);
        Fields.required(regionCode, "regionCode");
        Fields.required(openedOn, "openedOn");
        // Charges are for billing periods, which start in 2000; an account opened earlier could never be charged.
        if (openedOn.getYear() < BillingPeriod.FIRST_YEAR || openedOn.getYear() > BillingPeriod.LAST_YEAR) {
            throw new IllegalArgumentException("openedOn must be between 2000-01-01 and 2099-12-31");
        }
    }
}
