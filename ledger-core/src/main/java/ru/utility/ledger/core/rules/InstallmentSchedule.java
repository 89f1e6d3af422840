package ru.utility.ledger.core.rules;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.account.ScheduledInstallment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Splits a debt into monthly installments. Pure. */
public final class InstallmentSchedule {

    private InstallmentSchedule() {
    }

    /**
     * Equal installments of the total divided by {@code count} rounded down to kopecks, the remainder on the
     * last, so the schedule sums exactly; installment i falls due {@code i - 1} months after the first.
     *
     * @throws IllegalArgumentException unless the total holds at least one kopeck per installment
     */
    public static List<ScheduledInstallment> split(PlanId planId, Money total, int count, LocalDate firstDueDate) {
        return split(planId, total, count, firstDueDate, null);
    }

    /**
     * As {@link #split(PlanId, Money, int, LocalDate)}, each due date moved to the next working day of the
     * calendar when it falls on a non-working one (Civil Code art. 193); the monthly steps count from the agreed
     * first due date, so a moved date does not drag the later ones.
     *
     * @param calendar null for the nominal dates
     */
    public static List<ScheduledInstallment> split(PlanId planId, Money total, int count, LocalDate firstDueDate,
                                                   WorkingDayCalendar calendar) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        long kopecks = total.kopecks();
        if (kopecks < count) {
            throw new IllegalArgumentException(total + " cannot be split into " + count + " installments of at least 0.01");
        }
        long each = kopecks / count;
        long last = kopecks - each * (count - 1);
        List<ScheduledInstallment> schedule = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            LocalDate nominal = firstDueDate.plusMonths(i - 1);
            schedule.add(new ScheduledInstallment(i, planId.installment(i),
                    calendar == null ? nominal : calendar.onOrNextWorkingDay(nominal),
                    Money.ofKopecks(i == count ? last : each)));
        }
        return List.copyOf(schedule);
    }
}
