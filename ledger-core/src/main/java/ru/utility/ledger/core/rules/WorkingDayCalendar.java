package ru.utility.ledger.core.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working and non-working days: weekends, the fixed holidays of Labour Code art. 112 part one, the rule of its
 * part two (a weekend day that coincides with a holiday other than the January ones moves to the next working
 * day after the holiday), and the yearly transfers decreed by the Government. Transfers are data
 * ({@link ProductionCalendar}); {@code extraHolidays} and {@code extraWorkingDays} override everything.
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
    private final Set<LocalDate> transferredFrom = new HashSet<>();
    private final Set<LocalDate> transferredTo = new HashSet<>();
    private final Map<Integer, Set<LocalDate>> movedHolidaysByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(Set<MonthDay> fixedHolidays, Set<LocalDate> extraHolidays, Set<LocalDate> extraWorkingDays) {
        this(fixedHolidays, List.of(), extraHolidays, extraWorkingDays);
    }

    public WorkingDayCalendar(Set<MonthDay> fixedHolidays, List<DayOffTransfer> transfers, Set<LocalDate> extraHolidays,
                              Set<LocalDate> extraWorkingDays) {
        this.fixedHolidays = Set.copyOf(fixedHolidays);
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        Set<LocalDate> both = new HashSet<>(this.extraWorkingDays);
        both.retainAll(this.extraHolidays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("dates are both extra holidays and extra working days: " + both);
        }
        for (DayOffTransfer transfer : transfers) {
            if (!transferredFrom.add(transfer.from()) || !transferredTo.add(transfer.to())) {
                throw new IllegalArgumentException("a day is transferred twice: " + transfer);
            }
        }
        Set<LocalDate> cycle = new HashSet<>(transferredFrom);
        cycle.retainAll(transferredTo);
        if (!cycle.isEmpty()) {
            throw new IllegalArgumentException("days are transferred both from and to: " + cycle);
        }
    }

    public static WorkingDayCalendar russianDefault() {
        return ProductionCalendar.shipped().calendar();
    }

    public boolean isWorkingDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        if (extraHolidays.contains(date)) {
            return false;
        }
        return isWorkingByLaw(date) && !movedHolidays(date.getYear()).contains(date);
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

    /** Before art. 112 part two: weekends, fixed holidays and decreed transfers. */
    private boolean isWorkingByLaw(LocalDate date) {
        if (transferredTo.contains(date) || fixedHolidays.contains(MonthDay.from(date))) {
            return false;
        }
        return transferredFrom.contains(date) || !isWeekend(date);
    }

    /**
     * The days off that art. 112 part two adds in a year: for each holiday outside January that falls on a
     * weekend (and that no decree transferred itself), the first working day after it, in date order so
     * that two such holidays in a row get two days.
     */
    private Set<LocalDate> movedHolidays(int year) {
        return movedHolidaysByYear.computeIfAbsent(year, y -> {
            Set<LocalDate> moved = new TreeSet<>();
            fixedHolidays.stream()
                    .filter(h -> h.getMonth() != Month.JANUARY)
                    .filter(h -> h.isValidYear(y))
                    .map(h -> h.atYear(y))
                    .sorted()
                    .filter(h -> isWeekend(h) && !transferredFrom.contains(h))
                    .forEach(holiday -> {
                        LocalDate day = holiday.plusDays(1);
                        for (int i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !(isWorkingByLaw(day) && !moved.contains(day)); i++) {
                            day = day.plusDays(1);
                        }
                        moved.add(day);
                    });
            return Set.copyOf(moved);
        });
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
