package ru.utility.ledger.core.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;

class AccountAsOfTest {

    static final AccountId ID = AccountId.of("77-0001-2345");
    // Posted for 2 November (late billing), recorded on 3 November at 21:30 UTC, already 4 November in Moscow.
    static final LocalDate CHARGE_POSTED_ON = LocalDate.of(2026, 11, 2);
    static final Instant CHARGE_RECORDED = Instant.parse("2026-11-03T21:30:00Z");

    final List<RecordedAccountEvent> events = List.of(
            new RecordedAccountEvent(new AccountOpened(ID, "Ivanova", RegionCode.of("77"), LocalDate.of(2026, 1, 15)),
                    0, Instant.parse("2026-01-15T08:00:00Z")),
            new RecordedAccountEvent(new ChargePosted(ID, ChargeId.of("ENERGY-2026-10"), BillingPeriod.parse("2026-10"),
                    Money.parse("1234.50"), null, "Electricity", LocalDate.of(2026, 11, 16), CHARGE_POSTED_ON), 1, CHARGE_RECORDED),
            // A bank registry line recorded on 12 November for money received on 5 November (backdated).
            new RecordedAccountEvent(new PaymentRecorded(ID, PaymentId.of("P-1"), Money.parse("1000.00"),
                    PaymentChannel.BANK_REGISTRY, LocalDate.of(2026, 11, 5), null), 2,
                    Instant.parse("2026-11-12T09:00:00Z")),
            new RecordedAccountEvent(new PaymentReversed(ID, PaymentId.of("P-1"), Money.parse("1000.00"), "Recall",
                    LocalDate.of(2026, 11, 20)), 3, Instant.parse("2026-11-20T09:00:00Z")));

    @Test
    void aChargeTakesEffectOnItsPostingDateNotTheDayItWasRecorded() {
        assertThat(events.get(1).businessDate()).isEqualTo(CHARGE_POSTED_ON);
        assertThat(AccountAsOf.balance(ID, events, LocalDate.of(2026, 11, 1), null).balance()).isEqualTo(Money.ZERO);
        assertThat(AccountAsOf.balance(ID, events, LocalDate.of(2026, 11, 2), null).balance())
                .isEqualTo(Money.parse("1234.50"));
        // What the ledger knew of 2 November before the late charge was recorded.
        assertThat(AccountAsOf.balance(ID, events, LocalDate.of(2026, 11, 2), CHARGE_RECORDED.minusSeconds(1))
                .balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void businessDateAndKnowledgeTimeAreIndependentAxes() {
        // Today's knowledge of 6 November includes the backdated payment...
        AsOfBalance known = AccountAsOf.balance(ID, events, LocalDate.of(2026, 11, 6), null);
        assertThat(known.balance()).isEqualTo(Money.parse("234.50"));
        assertThat(known.totalPaid()).isEqualTo(Money.parse("1000.00"));
        // ...but on 10 November the ledger did not know it yet.
        AsOfBalance then = AccountAsOf.balance(ID, events, LocalDate.of(2026, 11, 6),
                Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(then.balance()).isEqualTo(Money.parse("1234.50"));
        assertThat(then.lastSequence()).isEqualTo(1);
        assertThat(then.eventsCounted()).isEqualTo(2);
    }

    @Test
    void reversalsRestoreTheDebtAndBeforeOpeningThereIsNoAccount() {
        AsOfBalance end = AccountAsOf.balance(ID, events, LocalDate.of(2026, 12, 31), null);
        assertThat(end.balance()).isEqualTo(Money.parse("1234.50"));
        assertThat(end.totalPaid()).isEqualTo(Money.ZERO);
        assertThat(end.totalReversed()).isEqualTo(Money.parse("1000.00"));
        assertThat(end.status()).isEqualTo(AccountStatus.OPEN);

        AsOfBalance before = AccountAsOf.balance(ID, events, LocalDate.of(2026, 1, 14), null);
        assertThat(before.status()).isNull();
        assertThat(before.eventsCounted()).isZero();
        assertThat(before.lastSequence()).isEqualTo(-1);
    }

    @Test
    void aClosedAccountIsClosedOnlyFromItsClosingDate() {
        List<RecordedAccountEvent> closed = new java.util.ArrayList<>(events.subList(0, 1));
        closed.add(new RecordedAccountEvent(new AccountClosed(ID, LocalDate.of(2026, 6, 1)), 1,
                Instant.parse("2026-06-01T10:00:00Z")));
        assertThat(AccountAsOf.balance(ID, closed, LocalDate.of(2026, 5, 31), null).status()).isEqualTo(AccountStatus.OPEN);
        assertThat(AccountAsOf.balance(ID, closed, LocalDate.of(2026, 6, 1), null).status())
                .isEqualTo(AccountStatus.CLOSED);
    }
}
