package ru.utility.ledger.api.config;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.rules.DueDateRules;
import ru.utility.ledger.core.rules.DueDayRegime;
import ru.utility.ledger.core.rules.ProductionCalendar;
import ru.utility.ledger.core.rules.WorkingDayCalendar;

/**
 * Effective-dated business rules as configuration; the shipped values live in application.yaml. The calendar is
 * the production calendar shipped in ledger-core (the decreed transfers of 2016-2027); configured extra holidays
 * and working days are laid over it, e.g. a decree newer than the shipped data.
 */
@ConfigurationProperties("ledger.rules")
public record LedgerRulesProperties(List<Regime> dueDayRegimes, Calendar calendar) {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public record Regime(String effectiveFrom, int dueDay) {
    }

    public record Calendar(List<String> fixedHolidays, List<LocalDate> extraHolidays,
                           List<LocalDate> extraWorkingDays) {
    }

    public DueDateRules toDueDateRules() {
        if (dueDayRegimes == null || dueDayRegimes.isEmpty()) {
            throw new IllegalStateException("ledger.rules.due-day-regimes must not be empty");
        }
        List<DueDayRegime> regimes = dueDayRegimes.stream()
                .map(r -> new DueDayRegime(BillingPeriod.parse(r.effectiveFrom()), r.dueDay()))
                .toList();
        return new DueDateRules(regimes, workingDayCalendar());
    }

    private WorkingDayCalendar workingDayCalendar() {
        if (calendar == null) {
            return WorkingDayCalendar.russianDefault();
        }
        Set<MonthDay> fixed = calendar.fixedHolidays() == null ? WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS
                : calendar.fixedHolidays().stream().map(s -> MonthDay.parse(s, MONTH_DAY)).collect(Collectors.toSet());
        return new WorkingDayCalendar(fixed, ProductionCalendar.shipped().transfers(), toSet(calendar.extraHolidays()),
                toSet(calendar.extraWorkingDays()));
    }

    private static Set<LocalDate> toSet(List<LocalDate> dates) {
        return dates == null ? Set.of() : new HashSet<>(dates);
    }
}
