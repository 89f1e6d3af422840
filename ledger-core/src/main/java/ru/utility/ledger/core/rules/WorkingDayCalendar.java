package ru.utility.ledger.core.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

/**
 * Working and non-working days. Yearly holiday transfers are decreed each year, so they are data
 * ({@code extraHolidays}, {@code extraWorkingDays}) rather than code.
 */
public final class WorkingDayCalendar {

    /** Labour Code of the Russian Federation, art. 112. */
    public static final Set<MonthDay> RUSSIAN_FIXED_HOLIDAYS = Set.of(
            MonthDay.of(Month.JANUARY, 1), MonthDay.of(Month.JANUARY, 2), MonthDay.of(Month.JANUARY, 3),
            MonthDay.of(Month.JANUARY, 4), MonthDay.of(Month.JANUARY, 5), MonthDay.of(Month.JANUARY, 6),
            MonthDay.of(Month.JANUARY, 7), MonthDay.of(Month.JANUARY, 8),
            MonthDay.of(Month.FEBRUARY, 23), MonthDay.of(Month.MARCH, 8),
            MonthDay.of(Month.MAY, 1), MonthDay.of(Month.MAY, 9),
            MonthDay.of(Month.JUNE, 12), MonthDay.of(Month.NOVEMBER, 4));

    /** More than any run of consecutive days off a real calendar has; it stops a misconfigured search. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 366;

    private final Set<MonthDay> fixedHolidays;
    private final Set<LocalDate> extraHolidays;
    private final Set<LocalDate> extraWorkingDays;

    public WorkingDayCalendar(Set<MonthDay> fixedHolidays, Set<LocalDate> extraHolidays, Set<LocalDate> extraWorkingDays) {
        this.fixedHolidays = Set.copyOf(fixedHolidays);
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        Set<LocalDate> both = new HashSet<>(this.extraWorkingDays);
        both.retainAll(this.extraHolidays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates are both extra holidays and extra working days: " + both);
        }
    }

    public static WorkingDayCalendar russianDefault() {
        return new WorkingDayCalendar(RUSSIAN_FIXED_HOLIDAYS, Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        if (extraHolidays.contains(date) || fixedHolidays.contains(MonthDay.from(date))) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate candidate = date;
        for (int i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
            if (isWorkingDay(candidate)) {
                return candidate;
            }
            candidate = candidate.plusDays(1);
        }
        throw new IllegalStateException("no working day within a year after " + date);
    }
}
