package ru.utility.ledger.core.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import ru.utility.ledger.core.account.AccountState;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;

/**
 * Bitemporal balance: the account on business date {@code asOf} as the ledger knew it at {@code knownAt}.
 * An event counts when it was recorded at or before {@code knownAt} and its business date is on or before
 * {@code asOf}. It folds the same {@code AccountState.evolve} the aggregate uses, so there is one truth
 * for how an event changes the balance; this class is the public, pure door to it for the read side.
 */
public final class AccountAsOf {

    private AccountAsOf() {
    }

    /**
     * @param events     the account's events in sequence order
     * @param knownAt    the recording instant to look from; null means everything recorded so far
     * @return empty status when the account was not open on that date as known then
     */
    public static AsOfBalance balance(AccountId accountId, List<RecordedAccountEvent> events, LocalDate asOf,
                                      Instant knownAt) {
        Objects.requireNonNull(asOf, "asOf");
        AccountState state = AccountState.initial();
        Money charged = Money.ZERO;
        Money paid = Money.ZERO;
        Money reversed = Money.ZERO;
        Money corrected = Money.ZERO;
        long lastSequence = -1;
        int counted = 0;
        for (RecordedAccountEvent recorded : events) {
            if (knownAt != null && recorded.recordedAt().isAfter(knownAt)) {
                continue;
            }
            if (recorded.businessDate().isAfter(asOf)) {
                continue;
            }
            state = state.evolve(recorded.event());
            switch (recorded.event()) {
                case ChargePosted e -> charged = charged.plus(e.amount());
                case PaymentRecorded e -> paid = paid.plus(e.amount());
                case PaymentReversed e -> reversed = reversed.plus(e.amount());
                case ru.utility.ledger.core.api.account.ChargeCorrected e -> corrected = corrected.plus(e.difference());
                default -> {
                }
            }
            lastSequence = Math.max(lastSequence, recorded.sequence());
            counted++;
        }
        return new AsOfBalance(accountId, asOf, knownAt, state.isOpened() ? state.status() : null,
                state.balance(), charged, paid.minus(reversed), reversed, corrected, counted, lastSequence);
    }
}
