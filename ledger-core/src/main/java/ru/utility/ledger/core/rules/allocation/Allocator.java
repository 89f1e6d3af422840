package ru.utility.ledger.core.rules.allocation;

import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.DebtKind;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.debt.Limitation;
import ru.utility.ledger.core.api.debt.OpenDebt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which debts a sum of money pays (Civil Code arts. 319, 319.1; Supreme Court plenum No. 22 of 2017, p.32): the
 * billing period the payer named first, then the oldest unpaid charges (by due date, then period, then
 * the order they were posted), principal before penalties. Charges time-barred on the money's value date
 * ({@link Limitation}) are skipped unless the payer named their period: paying a time-barred debt is the
 * debtor's choice, never the retailer's. What is left is credit. Pure and deterministic: the value date, not
 * the day of the decision, says what is time-barred, so the same money meets the same order whenever and
 * wherever it is decided.
 */
public final class Allocator {

    private Allocator() {
    }

    /**
     * @param available   the money to allocate, not negative
     * @param namedPeriod the period the payer named, or null
     * @param debts       the open debts in the order they were posted
     * @param valueDate   the day the money was paid in, which decides what is time-barred
     * @return slices in the order they were applied; their sum is at most {@code available} and each is at
     *         most its debt's outstanding amount; debts with nothing outstanding or time-barred get no slice
     */
    public static List<Allocation> allocate(Money available, BillingPeriod namedPeriod, List<OpenDebt> debts,
                                            LocalDate valueDate) {
        Objects.requireNonNull(available, "available");
        if (available.isNegative()) {
            throw new IllegalArgumentException("available must not be negative: " + available);
        }
        List<Allocation> slices = new ArrayList<>();
        long left = available.kopecks();
        for (OpenDebt debt : order(namedPeriod, debts, valueDate)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, debt.outstanding().kopecks());
            if (take > 0) {
                Money amount = Money.ofKopecks(take);
                slices.add(debt.kind() == DebtKind.PRINCIPAL
                        ? Allocation.principal(debt.chargeId(), amount) : Allocation.penalty(amount));
                left -= take;
            }
        }
        return List.copyOf(slices);
    }

    /** The debts money paid in on {@code valueDate} may pay, in the order it pays them. */
    public static List<OpenDebt> order(BillingPeriod namedPeriod, List<OpenDebt> debts, LocalDate valueDate) {
        Objects.requireNonNull(valueDate, "valueDate");
        List<OpenDebt> named = new ArrayList<>();
        List<OpenDebt> principal = new ArrayList<>();
        List<OpenDebt> penalties = new ArrayList<>();
        for (OpenDebt debt : debts) {
            if (debt.kind() == DebtKind.PENALTY) {
                penalties.add(debt);
            } else if (debt.period().equals(namedPeriod)) {
                named.add(debt);
            } else if (!debt.isTimeBarredOn(valueDate)) {
                principal.add(debt);
            }
        }
        // List.sort is stable, so equal due dates and periods keep the posting order.
        Comparator<OpenDebt> oldestFirst = Comparator.comparing(OpenDebt::dueDate).thenComparing(OpenDebt::period);
        named.sort(oldestFirst);
        principal.sort(oldestFirst);
        List<OpenDebt> ordered = new ArrayList<>(named);
        ordered.addAll(principal);
        ordered.addAll(penalties);
        return ordered;
    }
}
