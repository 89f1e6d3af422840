package ru.utility.ledger.core.rules;

import ru.utility.ledger.core.api.BillingPeriod;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Due dates of monthly charges: Housing Code art. 155 p.1, shifted by Civil Code art. 193. */
public final class DueDateRules {

    /** The 10th of the following month; from charges for March 2026 on, the 15th (2025 amendment). */
    public static final List<DueDayRegime> DEFAULT_REGIMES = List.of(
            new DueDayRegime(BillingPeriod.parse("2000-01"), 10),
            new DueDayRegime(BillingPeriod.parse("2026-03"), 15));

    private final List<DueDayRegime> regimesNewestFirst;
    private final WorkingDayCalendar calendar;

    public DueDateRules(List<DueDayRegime> regimes, WorkingDayCalendar calendar) {
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("at least one due-day regime is required");
        }
        this.regimesNewestFirst = regimes.stream()
                .sorted(Comparator.comparing(DueDayRegime::effectiveFrom).reversed())
                .toList();
        if (regimesNewestFirst.stream().map(DueDayRegime::effectiveFrom).distinct().count() != regimes.size()) {
            throw new IllegalArgumentException("two due-day regimes start in the same period: " + regimes);
        }
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public static DueDateRules russianDefault() {
        return new DueDateRules(DEFAULT_REGIMES, WorkingDayCalendar.russianDefault());
    }

    public LocalDate dueDateFor(BillingPeriod period) {
        return calendar.onOrNextWorkingDay(regimeFor(period).nominalDueDate(period));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public DueDayRegime regimeFor(BillingPeriod period) {
        return regimesNewestFirst.stream()
                .filter(regime -> !regime.effectiveFrom().isAfter(period))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no due-day regime covers period " + period));
    }
}
