package ru.utility.ledger.core.debt;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargeDueDate;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.rules.InstallmentSchedule;
import ru.utility.ledger.core.api.penalty.ChargePenalty;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The penalty timeline of a restructured debt: 3000.00 for September 2026 (due 15 October) restructured on
 * 20 November into three installments of 1000.00 from 20 December; the first is paid on time.
 */
class InstallmentPenaltyTest {

    static final AccountId ACCOUNT = AccountId.of("INST-PEN-1");
    static final ChargeId SEPTEMBER = ChargeId.of("ENERGY-2026-09");
    static final PlanId PLAN = PlanId.of("P");
    static final PenaltyCalculator CALCULATOR = new PenaltyCalculator(PenaltyRules.shipped());

    static List<AccountEvent> events() {
        List<AccountEvent> events = new ArrayList<>();
        events.add(new ChargePosted(ACCOUNT, SEPTEMBER, BillingPeriod.parse("2026-09"), Money.parse("3000.00"), null,
                "Electricity", LocalDate.of(2026, 10, 15), BillingPeriod.parse("2026-09").next().firstDay()));
        events.add(new InstallmentPlanAgreed(ACCOUNT, PLAN, ProgramId.of("INST"), LocalDate.of(2026, 11, 20), 2,
                List.of(new RestructuredCharge(SEPTEMBER, Money.parse("3000.00"))),
                InstallmentSchedule.split(PLAN, Money.parse("3000.00"), 3, LocalDate.of(2026, 12, 20))));
        events.add(new PaymentRecorded(ACCOUNT, PaymentId.of("P-1"), Money.parse("1000.00"), PaymentChannel.CASH_OFFICE,
                LocalDate.of(2026, 12, 20), null));
        events.add(new PaymentAllocated(ACCOUNT, PaymentId.of("P-1"), LocalDate.of(2026, 12, 20), AllocationSource.RECEIPT,
                List.of(Allocation.principal(PLAN.installment(1), Money.parse("1000.00")))));
        return events;
    }

    @Test
    void theRestructuredChargeStopsAccruingOnTheAgreementAndAKeptInstallmentAccruesNothing() {
        DebtLedger ledger = DebtLedger.of(events());
        assertThat(ledger.outstanding(SEPTEMBER)).isEqualTo(Money.ZERO);
        assertThat(ledger.outstanding(PLAN.installment(2))).isEqualTo(Money.parse("1000.00"));

        PenaltyStatement onAgreement = CALCULATOR.calculate(ledger.penaltyTimeline(), LocalDate.of(2026, 11, 20));
        PenaltyStatement later = CALCULATOR.calculate(ledger.penaltyTimeline(), LocalDate.of(2027, 1, 20));
        // 36 days overdue on the agreement (days 31-36 at 1/300): that much accrued and it stays.
        assertThat(onAgreement.total().isPositive()).isTrue();
        assertThat(later.total()).isEqualTo(onAgreement.total());
        assertThat(later.charges()).extracting(ChargePenalty::chargeId).containsExactly(SEPTEMBER);
    }

    @Test
    void aMissedInstallmentAccruesFromItsOwnDueDate() {
        DebtLedger ledger = DebtLedger.of(events());
        LocalDate asOf = LocalDate.of(2027, 3, 1);

        PenaltyStatement statement = CALCULATOR.calculate(ledger.penaltyTimeline(), asOf);

        ChargePenalty second = statement.charges().stream().filter(c -> c.chargeId().equals(PLAN.installment(2)))
                .findFirst().orElseThrow();
        assertThat(second.dueDate()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(second.parts()).singleElement().satisfies(p -> assertThat(p.overdueDays()).isEqualTo(40));
        assertThat(second.penalty().isPositive()).isTrue();
        // The third (due 20 February) is 9 days late: inside the first 30 penalty-free days.
        assertThat(statement.charges()).extracting(ChargePenalty::chargeId).doesNotContain(PLAN.installment(3));
    }

    @Test
    void aDefaultBringsTheRestsDueDateForward() {
        List<AccountEvent> events = events();
        LocalDate defaultedOn = LocalDate.of(2027, 1, 21);
        events.add(new InstallmentPlanDefaulted(ACCOUNT, PLAN, defaultedOn, 2,
                List.of(new ChargeDueDate(PLAN.installment(3), defaultedOn))));
        DebtLedger ledger = DebtLedger.of(events);

        PenaltyStatement statement = CALCULATOR.calculate(ledger.penaltyTimeline(), LocalDate.of(2027, 3, 1));

        ChargePenalty third = statement.charges().stream().filter(c -> c.chargeId().equals(PLAN.installment(3)))
                .findFirst().orElseThrow();
        assertThat(third.dueDate()).isEqualTo(defaultedOn);
        assertThat(third.parts()).singleElement().satisfies(p -> assertThat(p.overdueDays()).isEqualTo(39));
        assertThat(ledger.openDebts()).filteredOn(d -> PLAN.installment(3).equals(d.chargeId()))
                .singleElement().satisfies(d -> assertThat(d.dueDate()).isEqualTo(defaultedOn));
    }
}
