package ru.utility.ledger.projections.balance;

import java.time.Instant;
import java.time.LocalDate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;

/** One row of the balances projection, as of the last event it applied for the account. */
public record AccountBalanceView(
        AccountId accountId,
        String holderName,
        RegionCode regionCode,
        AccountStatus status,
        LocalDate openedOn,
        LocalDate closedOn,
        Money balance,
        Money totalCharged,
        Money totalPaid,
        Money totalReversed,
        Money totalPenalties,
        Money totalRelief,
        Money totalCorrected,
        int chargeCount,
        int paymentCount,
        long lastSequence,
        Instant lastEventAt) {
}
