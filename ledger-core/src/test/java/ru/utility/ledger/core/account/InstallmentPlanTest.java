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
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AgreeInstallmentPlan;
import ru.utility.ledger.core.api.account.ChargeDueDate;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.InstallmentMissed;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanCompleted;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.InstallmentPlanReceipt;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ReviewInstallmentPlans;
import ru.utility.ledger.core.api.account.ReviewReceipt;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_AMOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaymentAllocated;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/** 1234.50 for October restructured on 20 November 2026 into four installments from 20 December. */
class InstallmentPlanTest {

    static final ProgramId PROGRAMME = ProgramId.of("INST-6");
    static final PlanId PLAN = PlanId.of("PLAN-1");
    static final AccountEnrolled ENROLLED = new AccountEnrolled(ACCOUNT, PROGRAMME, ReliefKind.INSTALLMENT,
            LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 31), null, Set.of());
    static final List<ScheduledInstallment> SCHEDULE = List.of(
            new ScheduledInstallment(1, PLAN.installment(1), LocalDate.of(2026, 12, 20), Money.parse("308.62")),
            new ScheduledInstallment(2, PLAN.installment(2), LocalDate.of(2027, 1, 20), Money.parse("308.62")),
            new ScheduledInstallment(3, PLAN.installment(3), LocalDate.of(2027, 2, 20), Money.parse("308.62")),
            new ScheduledInstallment(4, PLAN.installment(4), LocalDate.of(2027, 3, 20), Money.parse("308.64")));
    static final InstallmentPlanAgreed AGREED = new InstallmentPlanAgreed(ACCOUNT, PLAN, PROGRAMME, TODAY, 2,
            List.of(new RestructuredCharge(OCTOBER_ENERGY, OCTOBER_AMOUNT)), SCHEDULE);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    static AgreeInstallmentPlan agree(int installments) {
        return new AgreeInstallmentPlan(ACCOUNT, PLAN, PROGRAMME, TODAY, installments, null, 2, 6, 2);
    }

    static AggregateTestFixture<Account> on(String instant) {
        return AccountFixtures.newFixture(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    static PaymentRecorded paid(String id, String amount, LocalDate on) {
        return new PaymentRecorded(ACCOUNT, PaymentId.of(id), Money.parse(amount), PaymentChannel.CASH_OFFICE, on, null);
    }

    /**
     * Agreed from today: the installments fall due on the 20th, moved off non-working days (Civil Code art. 193):
     * 20 Dec 2026 is a Sunday (21 Dec), 20 Feb 2027 a Saturday (22 Feb), 20 Mar 2027 a Saturday (22 Mar).
     */
    @Test
    void restructuresTheUnpaidChargesWithTheRemainderOnTheLastInstallmentOnWorkingDays() {
        InstallmentPlanAgreed agreed = new InstallmentPlanAgreed(ACCOUNT, PLAN, PROGRAMME, TODAY, 2,
                List.of(new RestructuredCharge(OCTOBER_ENERGY, OCTOBER_AMOUNT)), List.of(
                new ScheduledInstallment(1, PLAN.installment(1), LocalDate.of(2026, 12, 21), Money.parse("308.62")),
                new ScheduledInstallment(2, PLAN.installment(2), LocalDate.of(2027, 1, 20), Money.parse("308.62")),
                new ScheduledInstallment(3, PLAN.installment(3), LocalDate.of(2027, 2, 22), Money.parse("308.62")),
                new ScheduledInstallment(4, PLAN.installment(4), LocalDate.of(2027, 3, 22), Money.parse("308.64"))));
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(agree(4))
                .expectEvents(agreed)
                .expectResultMessagePayload(new InstallmentPlanReceipt(ACCOUNT, agreed, false));
        // A repeat of it, and of a plan recorded with the nominal dates before they moved, is the same plan.
        fixture.given(opened(), octoberCharged(), ENROLLED, agreed)
                .when(agree(4))
                .expectNoEvents()
                .expectResultMessagePayload(new InstallmentPlanReceipt(ACCOUNT, agreed, true));
    }

    @Test
    void aRepeatReturnsThePlanAndOtherContentIsAConflict() {
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(agree(4))
                .expectNoEvents()
                .expectResultMessagePayload(new InstallmentPlanReceipt(ACCOUNT, AGREED, true));
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(agree(5))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "planId"));
    }

    @Test
    void rejectionsNameTheirReason() {
        fixture.given(opened(), octoberCharged()).when(agree(4))
                .expectException(violation(UNPROCESSABLE, "NOT_ENROLLED", "programId"));
        fixture.given(opened(), octoberCharged(), ENROLLED).when(agree(7))
                .expectException(violation(UNPROCESSABLE, "INSTALLMENTS_OUT_OF_RANGE", "installments"));
        fixture.given(opened(), octoberCharged(), ENROLLED).when(agree(1))
                .expectException(violation(UNPROCESSABLE, "INSTALLMENTS_OUT_OF_RANGE", "installments"));
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(new AgreeInstallmentPlan(ACCOUNT, PLAN, PROGRAMME, TODAY, 4, TODAY, 2, 6, 2))
                .expectException(violation(UNPROCESSABLE, "INVALID_FIRST_DUE_DATE", "firstDueDate"));
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(new AgreeInstallmentPlan(ACCOUNT, PLAN, PROGRAMME, TOMORROW, 4, null, 2, 6, 2))
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "agreedOn"));
        fixture.given(opened(), octoberCharged(), ENROLLED)
                .when(new AgreeInstallmentPlan(ACCOUNT, PLAN, PROGRAMME, LocalDate.of(2026, 11, 17), 4, null, 2, 6, 2))
                .expectException(violation(UNPROCESSABLE, "OUTSIDE_PROGRAMME_WINDOW", "agreedOn"));
        fixture.given(opened(), octoberCharged(), octoberPaid(), octoberPaymentAllocated(), ENROLLED).when(agree(4))
                .expectException(violation(UNPROCESSABLE, "NOTHING_TO_RESTRUCTURE", "accountId"));
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(new AgreeInstallmentPlan(ACCOUNT, PlanId.of("PLAN-2"), PROGRAMME, TODAY, 4, null, 2, 6, 2))
                .expectException(violation(CONFLICT, "PLAN_ACTIVE", "planId"));
        fixture.given(opened(), ENROLLED, closed()).when(agree(4))
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
        ChargePosted tiny = new ChargePosted(ACCOUNT, ChargeId.of("ADJ-1"), BillingPeriod.parse("2026-10"),
                Money.parse("0.03"), null, "Adjustment", LocalDate.of(2026, 11, 16), BillingPeriod.parse("2026-10").next().firstDay());
        fixture.given(opened(), tiny, ENROLLED).when(agree(4))
                .expectException(violation(UNPROCESSABLE, "DEBT_TOO_SMALL", "installments"));
    }

    @Test
    void aChargeCannotTakeAnInstallmentsId() {
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(new PostCharge(ACCOUNT, PLAN.installment(1), BillingPeriod.parse("2026-10"), Money.parse("1.00"),
                        null, "clash"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "chargeId"));
    }

    @Test
    void aPaymentOfTheWholeDebtPaysTheInstallmentsAndCompletesThePlan() {
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(new RecordPayment(ACCOUNT, PaymentId.of("P-ALL"), OCTOBER_AMOUNT, PaymentChannel.CASH_OFFICE,
                        TODAY, null))
                .expectEvents(paid("P-ALL", "1234.50", TODAY),
                        new PaymentAllocated(ACCOUNT, PaymentId.of("P-ALL"), TODAY, AllocationSource.RECEIPT,
                                SCHEDULE.stream().map(i -> Allocation.principal(i.installmentId(), i.amount())).toList()),
                        new InstallmentPlanCompleted(ACCOUNT, PLAN, TODAY));
    }

    /** On 10 January installment 1 (due 20 December) is due; a November charge (due 15 December) waits. */
    @Test
    void paymentsSettleDueInstallmentsFirst() {
        ChargePosted november = new ChargePosted(ACCOUNT, ChargeId.of("ENERGY-2026-11"), BillingPeriod.parse("2026-11"),
                Money.parse("500.00"), null, "Electricity for 2026-11", LocalDate.of(2026, 12, 15), BillingPeriod.parse("2026-11").next().firstDay());
        LocalDate january10 = LocalDate.of(2027, 1, 10);
        on("2027-01-10T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, november)
                .when(new RecordPayment(ACCOUNT, PaymentId.of("P-1"), Money.parse("400.00"), PaymentChannel.CASH_OFFICE,
                        january10, null))
                .expectEvents(paid("P-1", "400.00", january10),
                        new PaymentAllocated(ACCOUNT, PaymentId.of("P-1"), january10, AllocationSource.RECEIPT, List.of(
                                Allocation.principal(PLAN.installment(1), Money.parse("308.62")),
                                Allocation.principal(ChargeId.of("ENERGY-2026-11"), Money.parse("91.38")))));
    }

    /**
     * The same payment naming November: the payer's choice prevails over the due installment (Civil Code
     * art. 319.1; Supreme Court plenum No. 22 of 2017, p.32), so November's 500.00 is paid before installment 1.
     */
    @Test
    void aPaymentNamingAPeriodPaysItBeforeADueInstallment() {
        ChargePosted november = new ChargePosted(ACCOUNT, ChargeId.of("ENERGY-2026-11"), BillingPeriod.parse("2026-11"),
                Money.parse("500.00"), null, "Electricity for 2026-11", LocalDate.of(2026, 12, 15),
                LocalDate.of(2026, 12, 1));
        LocalDate january10 = LocalDate.of(2027, 1, 10);
        on("2027-01-10T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, november)
                .when(new RecordPayment(ACCOUNT, PaymentId.of("P-1"), Money.parse("600.00"), PaymentChannel.CASH_OFFICE,
                        january10, BillingPeriod.parse("2026-11")))
                .expectEvents(new PaymentRecorded(ACCOUNT, PaymentId.of("P-1"), Money.parse("600.00"),
                                PaymentChannel.CASH_OFFICE, january10, BillingPeriod.parse("2026-11")),
                        new PaymentAllocated(ACCOUNT, PaymentId.of("P-1"), january10, AllocationSource.RECEIPT, List.of(
                                Allocation.principal(ChargeId.of("ENERGY-2026-11"), Money.parse("500.00")),
                                Allocation.principal(PLAN.installment(1), Money.parse("100.00")))));
    }

    @Test
    void aReviewRecordsAMissOnceAndTheSecondMissDefaultsThePlan() {
        PaymentRecorded first = paid("P-1", "308.62", LocalDate.of(2026, 12, 20));
        PaymentAllocated firstAllocated = new PaymentAllocated(ACCOUNT, PaymentId.of("P-1"), LocalDate.of(2026, 12, 20),
                AllocationSource.RECEIPT, List.of(Allocation.principal(PLAN.installment(1), Money.parse("308.62"))));
        InstallmentMissed second = new InstallmentMissed(ACCOUNT, PLAN, 2, LocalDate.of(2027, 1, 20),
                Money.parse("308.62"), 1);
        LocalDate january25 = LocalDate.of(2027, 1, 25);
        on("2027-01-25T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, first, firstAllocated)
                .when(new ReviewInstallmentPlans(ACCOUNT, january25))
                .expectEvents(second)
                .expectResultMessagePayload(new ReviewReceipt(ACCOUNT, january25, List.of(second), List.of()));
        on("2027-01-25T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, first, firstAllocated, second)
                .when(new ReviewInstallmentPlans(ACCOUNT, january25))
                .expectNoEvents()
                .expectResultMessagePayload(new ReviewReceipt(ACCOUNT, january25, List.of(), List.of()));
        // A month later the third is missed too: the plan defaults the day after its due date.
        LocalDate defaultedOn = LocalDate.of(2027, 2, 21);
        InstallmentMissed third = new InstallmentMissed(ACCOUNT, PLAN, 3, LocalDate.of(2027, 2, 20),
                Money.parse("308.62"), 2);
        InstallmentPlanDefaulted defaulted = new InstallmentPlanDefaulted(ACCOUNT, PLAN, defaultedOn, 2,
                List.of(new ChargeDueDate(PLAN.installment(4), defaultedOn)));
        on("2027-03-01T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, first, firstAllocated, second)
                .when(new ReviewInstallmentPlans(ACCOUNT, LocalDate.of(2027, 3, 1)))
                .expectEvents(third, defaulted);
        // Once defaulted, nothing more is reviewed.
        on("2027-04-01T09:00:00Z").given(opened(), octoberCharged(), ENROLLED, AGREED, first, firstAllocated, second,
                        third, defaulted)
                .when(new ReviewInstallmentPlans(ACCOUNT, LocalDate.of(2027, 4, 1)))
                .expectNoEvents();
    }

    @Test
    void aReviewOfTheFutureOrAClosedAccountIsRefused() {
        fixture.given(opened(), octoberCharged(), ENROLLED, AGREED)
                .when(new ReviewInstallmentPlans(ACCOUNT, TOMORROW))
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "asOf"));
        fixture.given(opened(), closed())
                .when(new ReviewInstallmentPlans(ACCOUNT, TODAY))
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }
}
