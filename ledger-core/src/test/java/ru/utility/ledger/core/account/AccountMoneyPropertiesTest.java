package ru.utility.ledger.core.account;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountCommand;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.ReversePayment;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.api.debt.PaymentCredit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.opened;

/**
 * Random command sequences through the real Account aggregate (charges with and without a discount
 * enrolment, payments naming a period or not, reversals, a compensation, charge corrections up and down, penalty
 * accruals on later and later days), rejections included; after every command the money adds up:
 * balance = charges ± corrections − discounts − compensations + penalties − payments + reversals − write-offs, no payment or
 * credit is allocated beyond its amount, what is open minus the idle credit is the balance, and the penalty
 * accrued is never negative. One seed is one whole sequence; a failure names its seed.
 */
class AccountMoneyPropertiesTest {

    private static final int SEQUENCES = 80;

    /** Kinds of money-moving event seen over all sequences: the sequences must exercise each of them. */
    private static final Set<Class<?>> SEEN = new java.util.HashSet<>();

    @Test
    void everyCommandSequenceKeepsTheMoneyIdentity() {
        SplittableRandom seeds = new SplittableRandom(20261126L);
        for (int sample = 0; sample < SEQUENCES; sample++) {
            long seed = seeds.nextLong();
            try {
                runSequence(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        assertThat(SEEN).contains(ChargePosted.class, DiscountCredited.class, CompensationCredited.class,
                PenaltyAccrued.class, PaymentRecorded.class, PaymentReversed.class,
                ru.utility.ledger.core.api.account.PaymentAllocated.class,
                ru.utility.ledger.core.api.account.PaymentAllocationReleased.class,
                ru.utility.ledger.core.api.account.ChargeCorrected.class);
    }

    private static void runSequence(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AccountEvent> events = new ArrayList<>(List.of(opened()));
        List<PaymentId> payments = new ArrayList<>();
        LocalDate accrualDay = OPENED_ON.plusDays(30);
        if (random.nextBoolean()) {
            events = decide(events, new EnrolInProgramme(ACCOUNT, ProgramId.of("DISCOUNT-P"), ReliefKind.DISCOUNT,
                    new Eligibility(Set.of(), Set.of()), BigDecimal.valueOf(1 + random.nextInt(50)), OPENED_ON, null,
                    Money.ZERO));
        }
        boolean compensated = false;
        int steps = random.nextInt(4, 22);
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(20);
            AccountCommand command;
            if (action < 7) {
                BillingPeriod period = new BillingPeriod(YearMonth.of(2026, 2).plusMonths(random.nextInt(10)));
                boolean energy = random.nextBoolean();
                command = new PostCharge(ACCOUNT, energy ? ChargeId.of("ENERGY-" + period + "-" + step) : ChargeId.of("ADJ-" + step),
                        period, Money.ofKopecks(1 + random.nextLong(200_000)),
                        energy ? EnergyKwh.parse(String.valueOf(1 + random.nextInt(900))) : null, "charge " + step);
            } else if (action < 13) {
                PaymentId id = PaymentId.of("PAY-" + step);
                payments.add(id);
                BillingPeriod named = random.nextInt(3) == 0
                        ? new BillingPeriod(YearMonth.of(2026, 2).plusMonths(random.nextInt(10))) : null;
                command = new RecordPayment(ACCOUNT, id, Money.ofKopecks(1 + random.nextLong(250_000)),
                        PaymentChannel.BANK_REGISTRY, OPENED_ON.plusDays(random.nextInt(280)), named);
            } else if (action < 15 && !payments.isEmpty()) {
                command = new ReversePayment(ACCOUNT, payments.get(random.nextInt(payments.size())), "recall " + step, TODAY);
            } else if (action == 16 && events.stream().anyMatch(ChargePosted.class::isInstance)) {
                // Up or down, now and then below zero (refused); a decrease below what was paid frees credit.
                List<ChargeId> charged = events.stream().filter(ChargePosted.class::isInstance)
                        .map(e -> ((ChargePosted) e).chargeId()).toList();
                long kopecks = 1 + random.nextLong(150_000);
                command = new ru.utility.ledger.core.api.account.CorrectCharge(ACCOUNT,
                        ru.utility.ledger.core.api.CorrectionId.of("CORR-" + step), charged.get(random.nextInt(charged.size())),
                        Money.ofKopecks(random.nextBoolean() ? kopecks : -kopecks), "recalculation " + step, null);
            } else if (action < 16 && !compensated) {
                compensated = true;
                command = new EnrolInProgramme(ACCOUNT, ProgramId.of("COMP-P"), ReliefKind.COMPENSATION,
                        new Eligibility(Set.of(), Set.of()), BigDecimal.valueOf(50), TODAY.minusDays(random.nextInt(30)),
                        null, Money.ofKopecks(1 + random.nextLong(100_000)));
            } else {
                accrualDay = accrualDay.plusDays(random.nextInt(40));
                if (accrualDay.isAfter(TODAY)) {
                    accrualDay = TODAY;
                }
                command = new AccruePenalty(ACCOUNT, accrualDay);
            }
            events = decide(events, command);
            checkMoney(events);
        }
    }

    /** The events after the command: those given plus what the aggregate applied (none after a rejection). */
    private static List<AccountEvent> decide(List<AccountEvent> given, AccountCommand command) {
        AggregateTestFixture<Account> fixture = AccountFixtures.newFixture();
        fixture.given(new ArrayList<Object>(given)).when(command);
        List<AccountEvent> after = new ArrayList<>();
        fixture.getEventStore().readEvents(ACCOUNT.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(payload -> after.add((AccountEvent) payload));
        assertThat(after.size()).as("events after %s", command).isGreaterThanOrEqualTo(given.size());
        return after;
    }

    private static void checkMoney(List<AccountEvent> events) {
        AccountState state = AccountState.initial();
        long expected = 0;
        for (AccountEvent event : events) {
            SEEN.add(event.getClass());
            state = state.evolve(event);
            expected += switch (event) {
                case ChargePosted e -> e.amount().kopecks();
                case DiscountCredited e -> -e.amount().kopecks();
                case CompensationCredited e -> -e.amount().kopecks();
                case PenaltyAccrued e -> e.amount().kopecks();
                case PaymentRecorded e -> -e.amount().kopecks();
                case PaymentReversed e -> e.amount().kopecks();
                case PenaltiesWrittenOff e -> -e.amount().kopecks();
                case ru.utility.ledger.core.api.account.ChargeCorrected e -> e.difference().kopecks();
                default -> 0L;
            };
            if (event instanceof PenaltyAccrued accrued) {
                assertThat(accrued.totalAccrued().kopecks()).as("penalty accrued").isNotNegative();
            }
        }
        assertThat(state.balance().kopecks()).as("balance").isEqualTo(expected);

        DebtLedger debts = DebtLedger.of(events);
        for (PaymentCredit credit : debts.payments()) {
            long allocated = debts.allocationsOf(credit.paymentId()).stream().mapToLong(a -> a.amount().kopecks()).sum();
            assertThat(allocated).as("allocated of %s", credit.paymentId()).isBetween(0L, credit.amount().kopecks());
            if (credit.reversed()) {
                assertThat(allocated).as("a reversed payment pays nothing").isZero();
            }
        }
        long open = 0;
        for (ChargeDebt charge : debts.charges()) {
            long outstanding = debts.outstanding(charge.chargeId()).kopecks();
            assertThat(outstanding).as("outstanding of %s", charge.chargeId()).isBetween(0L, charge.amount().kopecks());
            open += outstanding;
        }
        long penalties = debts.penaltiesOutstanding().kopecks();
        assertThat(penalties).as("penalties outstanding").isNotNegative();
        long credit = debts.credit().kopecks();
        assertThat(open + penalties - credit).as("open debt - idle credit").isEqualTo(expected);
        assertThat(credit == 0 || open + penalties == 0).as("credit %s idle beside open debt %s", credit, open + penalties)
                .isTrue();
    }
}
