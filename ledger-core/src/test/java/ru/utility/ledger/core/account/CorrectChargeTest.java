package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccruePenalty;
import ru.utility.ledger.core.api.account.ChargeCorrected;
import ru.utility.ledger.core.api.account.ChargeCorrectionReceipt;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CorrectCharge;
import ru.utility.ledger.core.api.account.CorrectDueDates;
import ru.utility.ledger.core.api.account.DueDateCorrectionReceipt;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;

import java.time.LocalDate;
import java.util.List;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;

/**
 * Charge corrections (перерасчёт) through the aggregate: every path, rejections included. "Today" is 20 November
 * 2026. May 2026's charge of 1,000.00 falls due on Monday 15 June 2026 (the 15th from March 2026's charges on).
 */
class CorrectChargeTest {

    static final BillingPeriod MAY = BillingPeriod.parse("2026-05");
    static final BillingPeriod SEPTEMBER = BillingPeriod.parse("2026-09");
    static final ChargeId MAY_ENERGY = ChargeId.energyFor(MAY);
    static final ChargeId SEPTEMBER_ENERGY = ChargeId.energyFor(SEPTEMBER);
    static final CorrectionId RECALC = CorrectionId.of("RECALC-1");
    static final PaymentId P1 = PaymentId.of("P-1");
    static final LocalDate MAY_DUE = LocalDate.of(2026, 6, 15);
    static final ChargePosted MAY_CHARGED = new ChargePosted(ACCOUNT, MAY_ENERGY, MAY, money("1000.00"), null,
            "Electricity for 2026-05", MAY_DUE, LocalDate.of(2026, 6, 1));
    static final ChargePosted SEPTEMBER_CHARGED = new ChargePosted(ACCOUNT, SEPTEMBER_ENERGY, SEPTEMBER,
            money("500.00"), null, "Electricity for 2026-09", LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 1));

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void aDecreaseOfAnUnpaidChargeLowersIt() {
        ChargeCorrected corrected = decrease("-400.00", TODAY);
        fixture.given(opened(), MAY_CHARGED)
                .when(correct(MAY_ENERGY, "-400.00", null))
                .expectEvents(corrected)
                .expectResultMessagePayload(new ChargeCorrectionReceipt(ACCOUNT, corrected, money("600.00"), false));
    }

    /**
     * May was paid in full by P1 (1,000.00); lowered by 300.00 to 700.00, 300.00 of P1 is released and, as credit
     * judged on P1's value date, pays September's 500.00 charge.
     */
    @Test
    void aDecreaseBelowWhatWasPaidBecomesCreditThatPaysTheNextDebt() {
        LocalDate paidOn = LocalDate.of(2026, 6, 10);
        fixture.given(opened(), MAY_CHARGED, payment("1000.00", paidOn), allocated(paidOn, AllocationSource.RECEIPT,
                        Allocation.principal(MAY_ENERGY, money("1000.00"))), SEPTEMBER_CHARGED)
                .when(correct(MAY_ENERGY, "-300.00", null))
                .expectEvents(decrease("-300.00", TODAY),
                        new PaymentAllocationReleased(ACCOUNT, P1, List.of(Allocation.principal(MAY_ENERGY, money("300.00")))),
                        allocated(paidOn, AllocationSource.CREDIT, Allocation.principal(SEPTEMBER_ENERGY, money("300.00"))));
    }

    /** With nothing else owed, the released 1,000.00 stays credit. */
    @Test
    void aDecreaseToZeroOfAPaidChargeLeavesCredit() {
        LocalDate paidOn = LocalDate.of(2026, 6, 10);
        fixture.given(opened(), MAY_CHARGED, payment("1000.00", paidOn), allocated(paidOn, AllocationSource.RECEIPT,
                        Allocation.principal(MAY_ENERGY, money("1000.00"))))
                .when(correct(MAY_ENERGY, "-1000.00", null))
                .expectEvents(decrease("-1000.00", TODAY),
                        new PaymentAllocationReleased(ACCOUNT, P1, List.of(Allocation.principal(MAY_ENERGY, money("1000.00")))));
    }

    /**
     * An increase of 250.00 made on 20 November 2026 is billed with November: due like November's charge, Tuesday
     * 15 December 2026. P1's 100.00 of credit pays part of it at once.
     */
    @Test
    void anIncreaseIsADebtOfItsOwnDueWithTheMonthOfTheCorrection() {
        LocalDate paidOn = LocalDate.of(2026, 6, 10);
        ChargeCorrected increase = new ChargeCorrected(ACCOUNT, RECALC, MAY_ENERGY, MAY, money("250.00"),
                LocalDate.of(2026, 12, 15), TODAY, "meter reading corrected");
        fixture.given(opened(), MAY_CHARGED, payment("1100.00", paidOn), allocated(paidOn, AllocationSource.RECEIPT,
                        Allocation.principal(MAY_ENERGY, money("1000.00"))))
                .when(correct(MAY_ENERGY, "250.00", null))
                .expectEvents(increase, allocated(paidOn, AllocationSource.CREDIT,
                        Allocation.principal(RECALC.debtId(), money("100.00"))))
                .expectResultMessagePayload(new ChargeCorrectionReceipt(ACCOUNT, increase, money("1000.00"), false));
    }

    @Test
    void anIncreaseCanBeCorrectedByItsOwnId() {
        ChargeCorrected increase = new ChargeCorrected(ACCOUNT, RECALC, MAY_ENERGY, MAY, money("250.00"),
                LocalDate.of(2026, 12, 15), TODAY, "meter reading corrected");
        ChargeCorrected back = new ChargeCorrected(ACCOUNT, CorrectionId.of("RECALC-2"), RECALC.debtId(), MAY,
                money("-50.00"), null, TODAY, "meter reading corrected");
        fixture.given(opened(), MAY_CHARGED, increase)
                .when(new CorrectCharge(ACCOUNT, CorrectionId.of("RECALC-2"), RECALC.debtId(), money("-50.00"),
                        "meter reading corrected", null))
                .expectEvents(back)
                .expectResultMessagePayload(new ChargeCorrectionReceipt(ACCOUNT, back, money("200.00"), false));
    }

    /**
     * The penalty base is lower from the due date on. By hand, on 20 November 2026 (158 days overdue since 15 June;
     * 60 days at 1/300 and 68 at 1/130 of 9.5%, the lesser of 9.5% and the key rate, Decree 329):
     * 1,000.00 owes 19.00 + 49.6923 = 68.69; 600.00 owes 11.40 + 29.8154 = 41.22. The next run posts -27.47.
     */
    @Test
    void theNextPenaltyRunPostsTheRetroactiveDifference() {
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        fixture.given(opened(), MAY_CHARGED, new PenaltyAccrued(ACCOUNT, asOf, money("68.69"), money("68.69")),
                        decrease("-400.00", TODAY))
                .when(new AccruePenalty(ACCOUNT, asOf))
                .expectEvents(new PenaltyAccrued(ACCOUNT, asOf, money("-27.47"), money("41.22")));
    }

    /** The 68.69 the correction starts from, as computed above. */
    @Test
    void beforeTheCorrectionTheChargeOwes6869() {
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        fixture.given(opened(), MAY_CHARGED)
                .when(new AccruePenalty(ACCOUNT, asOf))
                .expectEvents(new PenaltyAccrued(ACCOUNT, asOf, money("68.69"), money("68.69")));
    }

    @Test
    void anIdenticalRepeatRecordsNothingAndAnswersAsFirst() {
        ChargeCorrected corrected = decrease("-400.00", TODAY);
        fixture.given(opened(), MAY_CHARGED, corrected)
                .when(correct(MAY_ENERGY, "-400.00", TODAY))
                .expectNoEvents()
                .expectResultMessagePayload(new ChargeCorrectionReceipt(ACCOUNT, corrected, money("600.00"), true));
    }

    /** A retry on a later day that leaves the date to the ledger is the same correction. */
    @Test
    void aRepeatWithoutADateOnALaterDayIsTheSameCorrection() {
        fixture.given(opened(), MAY_CHARGED, decrease("-400.00", TODAY.minusDays(3)))
                .when(correct(MAY_ENERGY, "-400.00", null))
                .expectNoEvents();
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() {
        fixture.given(opened(), MAY_CHARGED, decrease("-400.00", TODAY))
                .when(correct(MAY_ENERGY, "-300.00", null))
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "IDEMPOTENCY_CONFLICT",
                        "correctionId"));
    }

    @Test
    void anIdAnotherDebtCarriesIsAConflict() {
        fixture.given(opened(), MAY_CHARGED, SEPTEMBER_CHARGED)
                .when(new CorrectCharge(ACCOUNT, CorrectionId.of(SEPTEMBER_ENERGY.value()), MAY_ENERGY,
                        money("-1.00"), "typo", null))
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "IDEMPOTENCY_CONFLICT",
                        "correctionId"));
    }

    @Test
    void aChargeCannotBePostedUnderAnIncreasesId() {
        fixture.given(opened(), MAY_CHARGED, new ChargeCorrected(ACCOUNT, RECALC, MAY_ENERGY, MAY, money("250.00"),
                        LocalDate.of(2026, 12, 15), TODAY, "meter reading corrected"))
                .when(new PostCharge(ACCOUNT, RECALC.debtId(), MAY, money("250.00"), null, null))
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "IDEMPOTENCY_CONFLICT",
                        "chargeId"));
    }

    @Test
    void anUnknownChargeIsNotFound() {
        fixture.given(opened(), MAY_CHARGED)
                .when(correct(SEPTEMBER_ENERGY, "-1.00", null))
                .expectException(violation(LedgerRuleViolation.Kind.NOT_FOUND, "UNKNOWN_CHARGE",
                        "chargeId"));
    }

    @Test
    void aCorrectionBelowZeroIsRefused() {
        fixture.given(opened(), MAY_CHARGED)
                .when(correct(MAY_ENERGY, "-1000.01", null))
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "CORRECTION_BELOW_ZERO",
                        "difference"));
    }

    /** A plan took over 700.00 of May (300.00 was paid); May may not go below 700.00. */
    @Test
    void aCorrectionBelowWhatAPlanTookOverIsRefused() {
        PlanId plan = PlanId.of("PLAN-1");
        LocalDate paidOn = LocalDate.of(2026, 6, 10);
        fixture.given(opened(), MAY_CHARGED, payment("300.00", paidOn), allocated(paidOn, AllocationSource.RECEIPT,
                        Allocation.principal(MAY_ENERGY, money("300.00"))),
                        new InstallmentPlanAgreed(ACCOUNT, plan, ProgramId.of("PLANS"), LocalDate.of(2026, 7, 1), 2,
                                List.of(new RestructuredCharge(MAY_ENERGY, money("700.00"))),
                                List.of(new ScheduledInstallment(1, plan.installment(1), LocalDate.of(2026, 8, 3),
                                        money("700.00")))))
                .when(correct(MAY_ENERGY, "-300.01", null))
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE,
                        "CORRECTION_BELOW_RESTRUCTURED", "difference"));
    }

    @Test
    void aCorrectionBeforeTheChargeWasPostedIsRefused() {
        fixture.given(opened(), MAY_CHARGED)
                .when(correct(MAY_ENERGY, "-1.00", LocalDate.of(2026, 5, 31)))
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "CORRECTION_BEFORE_CHARGE",
                        "correctedOn"));
    }

    @Test
    void aCorrectionInTheFutureIsRefused() {
        fixture.given(opened(), MAY_CHARGED)
                .when(correct(MAY_ENERGY, "-1.00", TOMORROW))
                .expectException(violation(LedgerRuleViolation.Kind.UNPROCESSABLE, "DATE_IN_FUTURE",
                        "correctedOn"));
    }

    @Test
    void aClosedAccountTakesNoCorrection() {
        LocalDate paidOn = LocalDate.of(2026, 6, 10);
        fixture.given(opened(), MAY_CHARGED, payment("1000.00", paidOn), allocated(paidOn, AllocationSource.RECEIPT,
                        Allocation.principal(MAY_ENERGY, money("1000.00"))), closed())
                .when(correct(MAY_ENERGY, "-1.00", null))
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void anUnknownAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(correct(MAY_ENERGY, "-1.00", null))
                .expectException(AggregateNotFoundException.class);
    }

    /** The due-date run leaves an increase alone: it falls due with the month it was billed in. */
    @Test
    void theDueDateRunSkipsIncreases() {
        fixture.given(opened(), MAY_CHARGED, new ChargeCorrected(ACCOUNT, RECALC, MAY_ENERGY, MAY, money("250.00"),
                        LocalDate.of(2026, 12, 15), TODAY, "meter reading corrected"))
                .when(new CorrectDueDates(ACCOUNT))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCorrectionReceipt(ACCOUNT, List.of()));
    }

    static CorrectCharge correct(ChargeId chargeId, String difference, LocalDate on) {
        return new CorrectCharge(ACCOUNT, RECALC, chargeId, money(difference), "meter reading corrected", on);
    }

    static ChargeCorrected decrease(String difference, LocalDate on) {
        return new ChargeCorrected(ACCOUNT, RECALC, MAY_ENERGY, MAY, money(difference), null, on,
                "meter reading corrected");
    }

    static PaymentRecorded payment(String amount, LocalDate on) {
        return new PaymentRecorded(ACCOUNT, P1, money(amount), PaymentChannel.BANK_REGISTRY, on, null);
    }

    static PaymentAllocated allocated(LocalDate on, AllocationSource source, Allocation... slices) {
        return new PaymentAllocated(ACCOUNT, P1, on, source, List.of(slices));
    }

    static Money money(String amount) {
        return Money.parse(amount);
    }
}
