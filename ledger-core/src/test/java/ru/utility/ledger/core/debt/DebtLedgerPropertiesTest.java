package ru.utility.ledger.core.debt;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.api.debt.PaymentCredit;
import ru.utility.ledger.core.testing.Samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of charges (some time-barred by the time they are paid), payments (some naming a period),
 * reversals and penalty accruals (up and down), each followed by the allocation events the aggregate would emit;
 * after every step the money adds up. One sample is one seed for a whole sequence.
 */
class DebtLedgerPropertiesTest {

    private static final AccountId ACCOUNT = AccountId.of("PROP-1");

    @Test
    void noPaymentIsAllocatedBeyondItsAmountAndTheBalanceIdentityHolds() {
        Samples.forAll(Samples.longsBetween(1, Long.MAX_VALUE / 4), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            DebtLedger ledger = new DebtLedger();
            List<PaymentId> live = new ArrayList<>();
            long balance = 0;
            long penalties = 0;
            int steps = random.nextInt(1, 25);
            for (int step = 0; step < steps; step++) {
                LocalDate day = LocalDate.of(2026, 1, 1).plusDays(step * 7L + random.nextInt(7));
                int action = random.nextInt(10);
                if (action < 4) {
                    // From 2022 on, so that some charges are time-barred on the payments' value dates in 2026.
                    BillingPeriod period = new BillingPeriod(java.time.YearMonth.of(2022, 1).plusMonths(random.nextInt(48)));
                    long amount = 1 + random.nextLong(100_000);
                    apply(ledger, new ChargePosted(ACCOUNT, ChargeId.of("C-" + step), period, Money.ofKopecks(amount),
                            null, "charge", period.next().firstDay().plusDays(9), period.next().firstDay()));
                    ledger.settle(ACCOUNT, null).forEach(e -> apply(ledger, e));
                    balance += amount;
                } else if (action < 8) {
                    PaymentId id = PaymentId.of("P-" + step);
                    long amount = 1 + random.nextLong(150_000);
                    BillingPeriod named = random.nextBoolean() ? null
                            : new BillingPeriod(java.time.YearMonth.of(2022, 1).plusMonths(random.nextInt(48)));
                    apply(ledger, new PaymentRecorded(ACCOUNT, id, Money.ofKopecks(amount), PaymentChannel.WEB_CABINET,
                            day, named));
                    ledger.settle(ACCOUNT, id).forEach(e -> apply(ledger, e));
                    live.add(id);
                    balance -= amount;
                } else if (action == 8 && !live.isEmpty()) {
                    PaymentId id = live.remove(random.nextInt(live.size()));
                    Money amount = ledger.payment(id).orElseThrow().amount();
                    apply(ledger, new PaymentReversed(ACCOUNT, id, amount, "recall", day));
                    ledger.releaseAll(ACCOUNT, id).ifPresent(e -> apply(ledger, e));
                    ledger.settle(ACCOUNT, null).forEach(e -> apply(ledger, e));
                    balance += amount.kopecks();
                } else {
                    long total = random.nextLong(20_000);
                    long difference = total - penalties;
                    if (difference != 0) {
                        apply(ledger, new PenaltyAccrued(ACCOUNT, day, Money.ofKopecks(difference), Money.ofKopecks(total)));
                        ledger.releasePenaltyExcess(ACCOUNT).forEach(e -> apply(ledger, e));
                        ledger.settle(ACCOUNT, null).forEach(e -> apply(ledger, e));
                        balance += difference;
                        penalties = total;
                    }
                }
                checkInvariants(ledger, balance);
            }
        });
    }

    private static void checkInvariants(DebtLedger ledger, long balance) {
        for (PaymentCredit payment : ledger.payments()) {
            long allocated = ledger.allocationsOf(payment.paymentId()).stream().mapToLong(a -> a.amount().kopecks()).sum();
            assertThat(allocated).as("allocated of %s", payment.paymentId()).isBetween(0L, payment.amount().kopecks());
            if (payment.reversed()) {
                assertThat(allocated).as("a reversed payment pays nothing").isZero();
            }
        }
        long open = 0;
        for (ChargeDebt charge : ledger.charges()) {
            long outstanding = ledger.outstanding(charge.chargeId()).kopecks();
            assertThat(outstanding).as("outstanding of %s", charge.chargeId()).isBetween(0L, charge.amount().kopecks());
            open += outstanding;
        }
        long penaltiesOpen = ledger.penaltiesOutstanding().kopecks();
        assertThat(penaltiesOpen).isNotNegative();
        long credit = ledger.credit().kopecks();
        // charges + penalties - payments + reversals = what is unpaid - what is unallocated
        assertThat(open + penaltiesOpen - credit).isEqualTo(balance);
        // Money is never left idle next to debt it may pay: credit stays only beside charges time-barred on its
        // value date whose period it does not name, never beside penalties.
        if (credit > 0) {
            assertThat(penaltiesOpen).as("penalties beside credit %s", credit).isZero();
            for (PaymentCredit payment : ledger.payments()) {
                if (ledger.unallocated(payment.paymentId()).isPositive()) {
                    assertThat(ledger.openDebts()).as("debts beside the credit of %s", payment.paymentId())
                            .allMatch(d -> d.isTimeBarredOn(payment.receivedOn())
                                    && !d.period().equals(payment.billingPeriod()));
                }
            }
        }
        assertThat(ledger.penaltyAllocations()).allMatch(a -> a.kind() == DebtKind.PENALTY);
    }

    private static void apply(DebtLedger ledger, AccountEvent event) {
        ledger.apply(event);
    }
}
