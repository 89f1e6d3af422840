package ru.utility.ledger.core.amnesty;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.debt.AllocationEntry;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.debt.DebtLedger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The amnesty condition: {@code n} consecutive billing months, from the month of enrolment on, each paid in
 * full by its due date. A month is paid in full when it has at least one charge and every charge of it is
 * settled completely by payments and credits whose value date is on or before both the charge's due date
 * and the review day (as recorded in the allocations now, so a reversed payment no longer counts). A month
 * without charges breaks the run. Pure.
 */
public final class AmnestyCondition {

    private AmnestyCondition() {
    }

    /** The earliest run of {@code n} consecutive months paid in full, or empty when there is none yet. */
    public static Optional<List<BillingPeriod>> earnedBy(DebtLedger debts, LocalDate enrolledOn, int n, LocalDate asOf) {
        BillingPeriod first = BillingPeriod.of(enrolledOn);
        Map<BillingPeriod, List<ChargeDebt>> byPeriod = new TreeMap<>();
        for (ChargeDebt charge : debts.charges()) {
            if (!charge.billingPeriod().isBefore(first)) {
                byPeriod.computeIfAbsent(charge.billingPeriod(), p -> new ArrayList<>()).add(charge);
            }
        }
        List<BillingPeriod> run = new ArrayList<>();
        for (Map.Entry<BillingPeriod, List<ChargeDebt>> month : byPeriod.entrySet()) {
            boolean consecutive = !run.isEmpty() && run.getLast().next().equals(month.getKey());
            if (!consecutive) {
                run.clear();
            }
            if (month.getValue().stream().allMatch(c -> paidInFullByDueDate(debts, c, asOf))) {
                run.add(month.getKey());
                if (run.size() == n) {
                    return Optional.of(List.copyOf(run));
                }
            } else {
                run.clear();
            }
        }
        return Optional.empty();
    }

    private static boolean paidInFullByDueDate(DebtLedger debts, ChargeDebt charge, LocalDate asOf) {
        LocalDate by = charge.dueDate().isBefore(asOf) ? charge.dueDate() : asOf;
        Money settled = debts.allocationsTo(charge.chargeId()).stream()
                .filter(a -> a.kind() == DebtKind.PRINCIPAL && !a.paidOn().isAfter(by))
                .map(AllocationEntry::amount)
                .reduce(Money.ZERO, Money::plus);
        return !settled.minus(charge.amount()).isNegative();
    }
}
