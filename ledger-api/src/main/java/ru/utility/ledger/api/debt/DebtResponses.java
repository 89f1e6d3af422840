package ru.utility.ledger.api.debt;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.debt.AllocationEntry;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.api.debt.PaymentCredit;

/** Response bodies of the allocation endpoints ({@link DebtController}). */
public final class DebtResponses {

    private DebtResponses() {
    }

    /** Which payments settle a charge. */
    /**
     * @param dueDateInForce the due date after deferrals (the billed one when none)
     * @param restructuredBy installment plans that took the charge over: settled by the plan, not by money
     */
    public record ChargeAllocationResponse(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod,
                                           Money amount, LocalDate dueDate, Money settled, Money outstanding,
                                           List<SettledBy> settledBy, LocalDate dueDateInForce,
                                           List<RestructuredBy> restructuredBy) {

        public record SettledBy(PaymentId paymentId, Money amount, LocalDate paidOn, AllocationSource source) {
        }

        public record RestructuredBy(String planId, Money amount, LocalDate agreedOn) {
        }

        static ChargeAllocationResponse of(AccountId accountId, ChargeDebt charge, AccountDebts debts) {
            List<SettledBy> slices = debts.allocationsTo(charge.chargeId()).stream()
                    .map(a -> new SettledBy(a.paymentId(), a.amount(), a.paidOn(), a.source())).toList();
            Money outstanding = debts.outstanding(charge.chargeId());
            List<RestructuredBy> restructured = new java.util.ArrayList<>();
            for (var plan : debts.installments().plans()) {
                plan.agreed().charges().stream().filter(c -> c.chargeId().equals(charge.chargeId()))
                        .forEach(c -> restructured.add(new RestructuredBy(plan.agreed().planId().value(), c.amount(),
                                plan.agreed().agreedOn())));
            }
            return new ChargeAllocationResponse(accountId, charge.chargeId(), charge.billingPeriod(), charge.amount(),
                    charge.dueDate(), charge.amount().minus(outstanding), outstanding, slices, debts.dueDate(charge),
                    List.copyOf(restructured));
        }
    }

    /** What a payment pays. */
    public record PaymentAllocationResponse(AccountId accountId, PaymentId paymentId, Money amount,
                                            LocalDate receivedOn, BillingPeriod billingPeriod, boolean reversed,
                                            Money allocated, Money credit, List<Paid> paid) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Paid(DebtKind kind, ChargeId chargeId, Money amount, AllocationSource source) {
        }

        static PaymentAllocationResponse of(AccountId accountId, PaymentCredit payment, AccountDebts debts) {
            List<AllocationEntry> slices = debts.allocationsOf(payment.paymentId());
            Money allocated = slices.stream().map(AllocationEntry::amount).reduce(Money.ZERO, Money::plus);
            return new PaymentAllocationResponse(accountId, payment.paymentId(), payment.amount(), payment.receivedOn(),
                    payment.billingPeriod(), payment.reversed(), allocated, debts.unallocated(payment.paymentId()),
                    slices.stream().map(a -> new Paid(a.kind(), a.chargeId(), a.amount(), a.source())).toList());
        }
    }
}
