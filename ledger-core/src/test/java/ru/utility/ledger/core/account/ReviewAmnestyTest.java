package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.AmnestyReceipt;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.ReviewAmnesty;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.rules.DueDateRules;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.CLOCK;
import static ru.utility.ledger.core.account.AccountFixtures.HOLDER;
import static ru.utility.ledger.core.account.AccountFixtures.REGION;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/**
 * ReviewAmnesty: an old debt of 1000.00 (2026-01, due 10 Feb 2026) stays unpaid while June and July 2026
 * are paid in full by their due dates after the enrolment on 1 June 2026.
 */
class ReviewAmnestyTest {

    static final ProgramId AMNESTY = ProgramId.of("AMNESTY-26");
    static final BillingPeriod JAN = BillingPeriod.parse("2026-01");
    static final BillingPeriod JUN = BillingPeriod.parse("2026-06");
    static final BillingPeriod JUL = BillingPeriod.parse("2026-07");
    static final LocalDate LAST_RUN = LocalDate.of(2026, 11, 1);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void twoMonthsPaidInFullWriteOffThePenaltiesAccruedToTheReviewDay() {
        // Unpaid 283 days at the fixed 9.5%: 100000 kop * 9.5% * (60/300 + 193/130) = 16003.85 kop.
        fixture.given(paidTwoMonths())
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("160.04"), money("160.04")),
                        new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("160.04"), TODAY, List.of(JUN, JUL),
                                money("160.04")))
                .expectResultMessagePayload(new AmnestyReceipt(ACCOUNT, AMNESTY, TODAY, money("160.04"),
                        money("160.04"), List.of(JUN, JUL)));
    }

    @Test
    void aPaymentThatSettledOlderPrincipalLeavesThePenaltyToWriteOff() {
        fixture.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        paid(PaymentId.of("P-PEN"), "100.00", LAST_RUN, null),
                        new PaymentAllocated(ACCOUNT, PaymentId.of("P-PEN"), LAST_RUN, AllocationSource.RECEIPT,
                                List.of(Allocation.principal(ChargeId.energyFor(JAN), money("100.00"))))))
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, LAST_RUN))
                // 146.15 accrued, nothing of it paid (the payment went to the older principal first): all written off.
                .expectEvents(new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("146.15"), LAST_RUN, List.of(JUN, JUL),
                        money("146.15")));
    }

    @Test
    void onlyTheUnpaidPartIsWrittenOff() {
        fixture.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        paid(PaymentId.of("P-PEN"), "46.15", LAST_RUN, null),
                        new PaymentAllocated(ACCOUNT, PaymentId.of("P-PEN"), LAST_RUN, AllocationSource.RECEIPT,
                                List.of(Allocation.penalty(money("46.15"))))))
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, LAST_RUN))
                .expectEvents(new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("100.00"), LAST_RUN, List.of(JUN, JUL),
                        money("146.15")));
    }

    @Test
    void laterAccrualsPostOnlyWhatAccruesAfterTheWriteOff() {
        // Owed on 1 Nov: 100000 * 9.5% * (60/300 + 174/130) = 14615.38 kop; on 20 Nov: 160.04.
        fixture.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("146.15"), LAST_RUN, List.of(JUN, JUL),
                                money("146.15"))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("13.89"), money("160.04")));
    }

    @Test
    void aRetroactiveReductionOfWrittenOffPenaltyGivesNothingBackAndIsNotRepostedLater() {
        AggregateTestFixture<Account> moratorium = new AggregateTestFixture<>(Account.class);
        moratorium.registerInjectableResource(CLOCK);
        moratorium.registerInjectableResource(DueDateRules.russianDefault());
        moratorium.registerInjectableResource(new PenaltyCalculator(PenaltyRules.shipped().withMoratoria(List.of(
                new Moratorium(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "whole year")))));
        moratorium.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("146.15"), LAST_RUN, List.of(JUN, JUL),
                                money("146.15"))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectNoEvents();
    }

    @Test
    void aRetroactiveReductionBelowWhatWasPaidFreesThePaidExcessButNotTheWrittenOffPart() {
        AggregateTestFixture<Account> moratorium = new AggregateTestFixture<>(Account.class);
        moratorium.registerInjectableResource(CLOCK);
        moratorium.registerInjectableResource(DueDateRules.russianDefault());
        moratorium.registerInjectableResource(new PenaltyCalculator(PenaltyRules.shipped().withMoratoria(List.of(
                new Moratorium(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "whole year")))));
        PaymentId penaltyPayment = PaymentId.of("P-PEN");
        // 146.15 accrued, 46.15 of it paid, 100.00 written off; then nothing was owed after all.
        moratorium.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        paid(penaltyPayment, "46.15", LAST_RUN, null),
                        new PaymentAllocated(ACCOUNT, penaltyPayment, LAST_RUN, AllocationSource.RECEIPT,
                                List.of(Allocation.penalty(money("46.15")))),
                        new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("100.00"), LAST_RUN, List.of(JUN, JUL),
                                money("146.15"))))
                .when(new AccruePenalty(ACCOUNT, TODAY))
                .expectEvents(new PenaltyAccrued(ACCOUNT, TODAY, money("-46.15"), money("100.00")),
                        new ru.utility.ledger.core.api.account.PaymentAllocationReleased(ACCOUNT, penaltyPayment,
                                List.of(Allocation.penalty(money("46.15")))),
                        // The freed payment is credit again and settles the oldest unpaid principal.
                        new PaymentAllocated(ACCOUNT, penaltyPayment, LAST_RUN, AllocationSource.CREDIT,
                                List.of(Allocation.principal(ChargeId.energyFor(JAN), money("46.15")))));
    }

    @Test
    void anAccountNotEnrolledInTheAmnestyIsRefused() {
        fixture.given(paidTwoMonths())
                .when(new ReviewAmnesty(ACCOUNT, ProgramId.of("OTHER"), 2, TODAY))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ENROLLED", "programId"));
    }

    @Test
    void aMonthPaidAfterItsDueDateDoesNotCount() {
        fixture.given(with(base(), charge(JUN, "500.00", LocalDate.of(2026, 7, 10)),
                        charge(JUL, "600.00", LocalDate.of(2026, 8, 10)),
                        paid(PaymentId.of("P-JUN"), "500.00", LocalDate.of(2026, 7, 1), JUN),
                        allocated("P-JUN", LocalDate.of(2026, 7, 1), JUN, "500.00"),
                        paid(PaymentId.of("P-JUL"), "600.00", LocalDate.of(2026, 8, 11), JUL),
                        allocated("P-JUL", LocalDate.of(2026, 8, 11), JUL, "600.00")))
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, TODAY))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "AMNESTY_CONDITION_NOT_MET", "accountId"));
    }

    @Test
    void anAmnestyIsGrantedOncePerEnrolment() {
        fixture.given(with(paidTwoMonths(), new PenaltyAccrued(ACCOUNT, LAST_RUN, money("146.15"), money("146.15")),
                        new PenaltiesWrittenOff(ACCOUNT, AMNESTY, money("146.15"), LAST_RUN, List.of(JUN, JUL),
                                money("146.15"))))
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, TODAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "AMNESTY_ALREADY_GRANTED", "programId"));
    }

    @Test
    void nothingToWriteOffIsRefused() {
        fixture.given(with(base(false), charge(JUN, "500.00", LocalDate.of(2026, 7, 10)),
                        charge(JUL, "600.00", LocalDate.of(2026, 8, 10)),
                        paid(PaymentId.of("P-JUN"), "500.00", LocalDate.of(2026, 7, 1), JUN),
                        allocated("P-JUN", LocalDate.of(2026, 7, 1), JUN, "500.00"),
                        paid(PaymentId.of("P-JUL"), "600.00", LocalDate.of(2026, 8, 1), JUL),
                        allocated("P-JUL", LocalDate.of(2026, 8, 1), JUL, "600.00")))
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, TODAY))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NO_PENALTIES_OUTSTANDING", "accountId"));
    }

    @Test
    void aReviewInTheFutureIsRefused() {
        fixture.given(paidTwoMonths())
                .when(new ReviewAmnesty(ACCOUNT, AMNESTY, 2, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "asOf"));
    }

    static Object[] paidTwoMonths() {
        return with(base(), charge(JUN, "500.00", LocalDate.of(2026, 7, 10)),
                charge(JUL, "600.00", LocalDate.of(2026, 8, 10)),
                paid(PaymentId.of("P-JUN"), "500.00", LocalDate.of(2026, 7, 1), JUN),
                allocated("P-JUN", LocalDate.of(2026, 7, 1), JUN, "500.00"),
                paid(PaymentId.of("P-JUL"), "600.00", LocalDate.of(2026, 8, 10), JUL),
                allocated("P-JUL", LocalDate.of(2026, 8, 10), JUL, "600.00"));
    }

    static Object[] base() {
        return base(true);
    }

    static Object[] base(boolean oldDebt) {
        Object opened = new AccountOpened(ACCOUNT, HOLDER, REGION, LocalDate.of(2026, 1, 1));
        Object enrolled = new AccountEnrolled(ACCOUNT, AMNESTY, ReliefKind.PENALTY_AMNESTY, LocalDate.of(2026, 6, 1),
                null, null, Set.of());
        return oldDebt ? new Object[] {opened, charge(JAN, "1000.00", LocalDate.of(2026, 2, 10)), enrolled}
                : new Object[] {opened, enrolled};
    }

    static ChargePosted charge(BillingPeriod period, String amount, LocalDate due) {
        return new ChargePosted(ACCOUNT, ChargeId.energyFor(period), period, money(amount), null,
                "Electricity for " + period, due, period.next().firstDay());
    }

    static PaymentRecorded paid(PaymentId id, String amount, LocalDate on, BillingPeriod period) {
        return new PaymentRecorded(ACCOUNT, id, money(amount), PaymentChannel.BANK_REGISTRY, on, period);
    }

    static PaymentAllocated allocated(String paymentId, LocalDate on, BillingPeriod period, String amount) {
        return new PaymentAllocated(ACCOUNT, PaymentId.of(paymentId), on, AllocationSource.RECEIPT,
                List.of(Allocation.principal(ChargeId.energyFor(period), money(amount))));
    }

    static Object[] with(Object[] first, Object... more) {
        return AccruePenaltyTest.with(first, more);
    }

    static Money money(String amount) {
        return Money.parse(amount);
    }
}
