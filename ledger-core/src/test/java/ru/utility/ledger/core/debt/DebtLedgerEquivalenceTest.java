package ru.utility.ledger.core.debt;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargeCorrected;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferredCharge;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.testing.Samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed {@link DebtLedger} against {@link ScanningDebtLedger}, the scanning implementation it replaced
 * (kept verbatim as a test-only reference): random sequences of charges (from 2022 on, so that some are
 * time-barred when paid), corrections up and down, payments, credits, discounts, reversals, penalty accruals
 * up and down, write-offs, installment plans (agreed, missed, defaulted) and deferrals (granted, ended early),
 * each followed by the decisions the aggregate takes. The reference decides; before every event both ledgers
 * must answer every query alike and propose the same events. Now and then the indexed ledger goes through a
 * Jackson round trip (a snapshot) so that its lookups are rebuilt from the serialized lists, and some steps skip
 * the comparison so that events also arrive while the lookups have not been built yet.
 */
class DebtLedgerEquivalenceTest {

    private static final AccountId ACCOUNT = AccountId.of("EQ-1");
    private static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder().build();

    @Test
    void theIndexedLedgerAnswersAndDecidesLikeTheScanningOne() {
        // A thousand whole sequences (each compared at most steps) keep the run to a few seconds.
        long[] seeds = java.util.Arrays.copyOf(Samples.longsBetween(1, Long.MAX_VALUE / 4), 1_000);
        Samples.forAll(seeds, seed -> new Run(new SplittableRandom(seed)).go());
    }

    private static final class Run {

        private final SplittableRandom random;
        private final ScanningDebtLedger reference = new ScanningDebtLedger();
        private DebtLedger indexed = new DebtLedger();
        private final List<ChargeId> charges = new ArrayList<>();
        private final List<PaymentId> live = new ArrayList<>();
        private final List<PaymentId> all = new ArrayList<>();
        private final List<PlanId> plans = new ArrayList<>();
        private final List<DeferralId> deferrals = new ArrayList<>();
        private long penalties;
        private LocalDate day = LocalDate.of(2026, 1, 1);

        Run(SplittableRandom random) {
            this.random = random;
        }

        void go() {
            int steps = random.nextInt(1, 40);
            for (int step = 0; step < steps; step++) {
                day = day.plusDays(random.nextInt(1, 12));
                step(step);
                if (random.nextInt(8) == 0) {
                    indexed = roundTrip(indexed);
                }
                if (random.nextInt(4) != 0) {
                    compare();
                }
            }
            compare();
        }

        private void step(int step) {
            int action = random.nextInt(21);
            if (action < 6) {
                BillingPeriod period = new BillingPeriod(YearMonth.of(2022, 6).plusMonths(random.nextInt(45)));
                ChargeId id = ChargeId.of("C-" + step);
                charges.add(id);
                apply(new ChargePosted(ACCOUNT, id, period, Money.ofKopecks(1 + random.nextLong(100_000)), null,
                        "charge", period.next().firstDay().plusDays(9), period.next().firstDay()));
                settle(null);
            } else if (action < 11) {
                PaymentId id = PaymentId.of("P-" + step);
                BillingPeriod named = random.nextBoolean() ? null
                        : new BillingPeriod(YearMonth.of(2022, 6).plusMonths(random.nextInt(45)));
                // Value dates in the past too, so that credits are not recorded in value-date order.
                apply(new PaymentRecorded(ACCOUNT, id, Money.ofKopecks(1 + random.nextLong(150_000)),
                        PaymentChannel.WEB_CABINET, day.minusDays(random.nextInt(60)), named));
                live.add(id);
                all.add(id);
                settle(id);
            } else if (action == 11) {
                PaymentId id = PaymentId.of("COMP-" + step);
                apply(new CompensationCredited(ACCOUNT, ProgramId.of("PR-" + step), id,
                        Money.ofKopecks(1 + random.nextLong(30_000)), day));
                all.add(id);
                settle(id);
            } else if (action == 12) {
                ChargeId charge = charges.isEmpty() || random.nextInt(5) == 0 ? ChargeId.of("C-unknown") : pick(charges);
                PaymentId id = PaymentId.of("DISC-" + step);
                apply(new DiscountCredited(ACCOUNT, ProgramId.of("PR-D"), charge, id,
                        Money.ofKopecks(1 + random.nextLong(20_000)), BigDecimal.TEN, day));
                all.add(id);
                settle(id);
            } else if (action == 13 && !live.isEmpty()) {
                PaymentId id = live.remove(random.nextInt(live.size()));
                apply(new PaymentReversed(ACCOUNT, id, reference.payment(id).orElseThrow().amount(), "recall", day));
                var released = reference.releaseAll(ACCOUNT, id);
                assertThat(indexed.releaseAll(ACCOUNT, id)).isEqualTo(released);
                released.ifPresent(this::apply);
                settle(null);
            } else if (action == 14) {
                long total = random.nextLong(20_000);
                if (total != penalties) {
                    Money owed = Money.ofKopecks(total);
                    Money toAccrue = reference.penaltyToAccrue(owed);
                    assertThat(indexed.penaltyToAccrue(owed)).isEqualTo(toAccrue);
                    apply(new PenaltyAccrued(ACCOUNT, day, Money.ofKopecks(toAccrue.kopecks() - penalties), toAccrue));
                    penalties = toAccrue.kopecks();
                    var released = reference.releasePenaltyExcess(ACCOUNT);
                    assertThat(indexed.releasePenaltyExcess(ACCOUNT)).isEqualTo(released);
                    released.forEach(this::apply);
                    settle(null);
                }
            } else if (action == 15) {
                Money outstanding = reference.penaltiesOutstanding();
                if (outstanding.isPositive()) {
                    apply(new PenaltiesWrittenOff(ACCOUNT, ProgramId.of("AM-" + random.nextInt(3)),
                            Money.ofKopecks(1 + random.nextLong(outstanding.kopecks())), day, List.of(), reference.penaltiesAccrued()));
                }
            } else if (action == 16 && !charges.isEmpty()) {
                ChargeId charge = pick(charges);
                Money outstanding = reference.outstanding(charge);
                if (outstanding.kopecks() > 1) {
                    long restructured = 1 + random.nextLong(outstanding.kopecks());
                    PlanId plan = PlanId.of("PLAN-" + step);
                    int count = random.nextInt(1, 4);
                    List<ScheduledInstallment> schedule = new ArrayList<>();
                    long left = restructured;
                    for (int n = 1; n <= count; n++) {
                        long amount = n == count ? left : left / (count - n + 1);
                        schedule.add(new ScheduledInstallment(n, plan.installment(n), day.plusMonths(n - 1L), Money.ofKopecks(amount)));
                        left -= amount;
                    }
                    apply(new InstallmentPlanAgreed(ACCOUNT, plan, ProgramId.of("PR-I"), day, 2,
                            List.of(new RestructuredCharge(charge, Money.ofKopecks(restructured))), schedule));
                    plans.add(plan);
                    settle(null);
                }
            } else if (action == 17 && !plans.isEmpty()) {
                PlanId plan = pick(plans);
                if (random.nextBoolean()) {
                    apply(new InstallmentMissed(ACCOUNT, plan, 1, day, Money.ofKopecks(1), 1));
                } else {
                    apply(new InstallmentPlanDefaulted(ACCOUNT, plan, day, 2, List.of()));
                    settle(null);
                }
            } else if (action == 18 && !charges.isEmpty()) {
                DeferralId id = DeferralId.of("DEF-" + step);
                ChargeId charge = pick(charges);
                ChargeDebt debt = reference.charge(charge).orElseThrow();
                apply(new DeferralGranted(ACCOUNT, id, ProgramId.of("PR-F"), day, day.plusDays(random.nextInt(10, 90)),
                        List.of(new DeferredCharge(charge, reference.dueDate(debt), reference.outstanding(charge)))));
                deferrals.add(id);
                settle(null);
            } else if (action == 19 && !deferrals.isEmpty()) {
                apply(new DeferralEndedEarly(ACCOUNT, pick(deferrals), day, "ended", List.of()));
                settle(null);
            } else if (action == 20 && !charges.isEmpty()) {
                ChargeId charge = pick(charges);
                ChargeDebt debt = reference.charge(charge).orElseThrow();
                long room = debt.amount().minus(reference.installments().restructured(charge)).kopecks();
                boolean up = room == 0 || random.nextBoolean();
                long difference = up ? 1 + random.nextLong(50_000) : -(1 + random.nextLong(room));
                CorrectionId id = CorrectionId.of("CORR-" + step);
                apply(new ChargeCorrected(ACCOUNT, id, charge, debt.billingPeriod(), Money.ofKopecks(difference),
                        up ? day.plusDays(30) : null, day, "recalculation"));
                if (up) {
                    charges.add(id.debtId());
                } else {
                    var released = reference.releasePrincipalExcess(ACCOUNT, charge);
                    assertThat(indexed.releasePrincipalExcess(ACCOUNT, charge)).isEqualTo(released);
                    released.forEach(this::apply);
                }
                settle(null);
            }
        }

        private void settle(PaymentId received) {
            var events = reference.settle(ACCOUNT, received);
            assertThat(indexed.settle(ACCOUNT, received)).isEqualTo(events);
            events.forEach(this::apply);
        }

        private void apply(AccountEvent event) {
            reference.apply(event);
            indexed.apply(event);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private void compare() {
            assertThat(indexed.toString()).isEqualTo(reference.toString());
            assertThat(indexed.charges()).isEqualTo(reference.charges());
            assertThat(indexed.payments()).isEqualTo(reference.payments());
            List<ChargeId> debts = new ArrayList<>(charges);
            reference.installments().installments().forEach(s -> debts.add(s.installment().installmentId()));
            debts.add(ChargeId.of("C-unknown"));
            for (ChargeId id : charges) {
                assertThat(indexed.releasePrincipalExcess(ACCOUNT, id)).isEqualTo(reference.releasePrincipalExcess(ACCOUNT, id));
            }
            for (ChargeId id : debts) {
                assertThat(indexed.charge(id)).isEqualTo(reference.charge(id));
                assertThat(indexed.outstanding(id)).as("outstanding %s", id).isEqualTo(reference.outstanding(id));
                assertThat(indexed.allocationsTo(id)).isEqualTo(reference.allocationsTo(id));
                assertThat(indexed.paidBy(id, day.minusDays(20))).isEqualTo(reference.paidBy(id, day.minusDays(20)));
            }
            List<PaymentId> credits = new ArrayList<>(all);
            credits.add(PaymentId.of("P-unknown"));
            for (PaymentId id : credits) {
                assertThat(indexed.payment(id)).isEqualTo(reference.payment(id));
                assertThat(indexed.unallocated(id)).as("unallocated %s", id).isEqualTo(reference.unallocated(id));
                assertThat(indexed.allocationsOf(id)).isEqualTo(reference.allocationsOf(id));
                assertThat(indexed.releaseAll(ACCOUNT, id)).isEqualTo(reference.releaseAll(ACCOUNT, id));
                assertThat(indexed.settle(ACCOUNT, id)).isEqualTo(reference.settle(ACCOUNT, id));
            }
            assertThat(indexed.penaltyAllocations()).isEqualTo(reference.penaltyAllocations());
            assertThat(indexed.penaltiesOutstanding()).isEqualTo(reference.penaltiesOutstanding());
            assertThat(indexed.penaltiesWrittenOff()).isEqualTo(reference.penaltiesWrittenOff());
            assertThat(indexed.credit()).isEqualTo(reference.credit());
            assertThat(indexed.openDebts()).isEqualTo(reference.openDebts());
            assertThat(indexed.penaltyTimeline()).isEqualTo(reference.penaltyTimeline());
            assertThat(indexed.settle(ACCOUNT, null)).isEqualTo(reference.settle(ACCOUNT, null));
            assertThat(indexed.releasePenaltyExcess(ACCOUNT)).isEqualTo(reference.releasePenaltyExcess(ACCOUNT));
            Money owed = Money.ofKopecks(random.nextLong(25_000));
            assertThat(indexed.penaltyToAccrue(owed)).isEqualTo(reference.penaltyToAccrue(owed));
        }
    }

    private static DebtLedger roundTrip(DebtLedger ledger) {
        SerializedObject<String> snapshot = SERIALIZER.serialize(ledger, String.class);
        assertThat(snapshot.getData()).doesNotContain("index");
        DebtLedger restored = SERIALIZER.deserialize(snapshot);
        assertThat(restored).isEqualTo(ledger);
        return restored;
    }
}
