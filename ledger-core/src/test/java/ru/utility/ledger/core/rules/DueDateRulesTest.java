package ru.utility.ledger.core.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.api.BillingPeriod.parse;

class DueDateRulesTest {

    private final DueDateRules rules = DueDateRules.russianDefault();

    @ParameterizedTest(name = "{0} is due {1}")
    @CsvSource({
            "2026-02, 2026-03-10", // last period under the 10th-day regime, a Tuesday
            "2026-03, 2026-04-15", // first period under the 15th-day regime, a Wednesday
            "2023-06, 2023-07-10", // the domain's worked example
            "2026-07, 2026-08-17", // 15 Aug 2026 is a Saturday
            "2020-12, 2021-01-11", // 10 Jan 2021 is a Sunday
            "2025-12, 2026-01-12", // 10 Jan 2026 is a Saturday
            "2024-04, 2024-05-13", // 10 May 2024 was a day off (Decree No. 1314 of 2023), 11-12 a weekend
            "2019-04, 2019-05-13", // 10 May 2019 was a day off (Decree No. 1163 of 2018), 11-12 a weekend
            "2018-05, 2018-06-13", // 10 Jun 2018 a Sunday, 11 Jun a day off (Decree No. 1250 of 2017), 12 Jun a holiday
            "2026-01, 2026-02-10",
            "2099-12, 2100-01-15"  // the due month may lie past the last billing period
    })
    void defaultRegimes(String period, String dueDate) {
        assertThat(rules.dueDateFor(parse(period))).isEqualTo(LocalDate.parse(dueDate));
    }

    @Test
    void theRegimeChangesWithTheMarch2026Period() {
        assertThat(rules.regimeFor(parse("2026-02")).dueDay()).isEqualTo(10);
        assertThat(rules.regimeFor(parse("2026-03")).dueDay()).isEqualTo(15);
        assertThat(rules.regimeFor(parse("2000-01")).dueDay()).isEqualTo(10);
    }

    @Test
    void aDueDateOnAFixedHolidayMovesToTheNextWorkingDay() {
        DueDateRules ninth = rulesWithDueDay(9);

        // 9 May 2024 a Thursday, 10 May a transferred day off, 11-12 a weekend.
        assertThat(ninth.dueDateFor(parse("2024-04"))).isEqualTo(LocalDate.of(2024, 5, 13));
        assertThat(ninth.dueDateFor(parse("2023-04"))).isEqualTo(LocalDate.of(2023, 5, 10)); // 9 May 2023, Tuesday
    }

    @Test
    void aDueDateInTheNewYearHolidaysMovesPastThem() {
        // 9 January 2026 is the day off transferred from 3 January; 10-11 a weekend.
        assertThat(rulesWithDueDay(1).dueDateFor(parse("2025-12"))).isEqualTo(LocalDate.of(2026, 1, 12));
    }

    /** 9 March 2026 (the Monday after Sunday 8 March) is not a working day. */
    @Test
    void aDueDateOnTheDayAfterAWeekendHolidayMovesOn() {
        assertThat(rulesWithDueDay(9).dueDateFor(parse("2026-02"))).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void extraHolidaysFromConfigurationShiftTheDueDate() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS,
                Set.of(LocalDate.of(2026, 3, 10)), Set.of());
        DueDateRules withExtraHoliday = new DueDateRules(DueDateRules.DEFAULT_REGIMES, calendar);

        assertThat(withExtraHoliday.dueDateFor(parse("2026-02"))).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void aDueDayPastTheMonthEndIsClampedToItsLastDay() {
        DueDateRules thirtyFirst = rulesWithDueDay(31);

        assertThat(thirtyFirst.regimeFor(parse("2026-01")).nominalDueDate(parse("2026-01")))
                .isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(thirtyFirst.dueDateFor(parse("2026-01"))).isEqualTo(LocalDate.of(2026, 3, 2)); // 28 Feb is a Saturday
        assertThat(rulesWithDueDay(30).dueDateFor(parse("2024-01"))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(thirtyFirst.dueDateFor(parse("2026-02"))).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void regimesMayBeGivenInAnyOrder() {
        DueDateRules reversed = new DueDateRules(List.of(DueDateRules.DEFAULT_REGIMES.get(1),
                DueDateRules.DEFAULT_REGIMES.get(0)), WorkingDayCalendar.russianDefault());

        assertThat(reversed.dueDateFor(parse("2026-02"))).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(reversed.dueDateFor(parse("2026-03"))).isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void aPeriodBeforeEveryRegimeIsRejected() {
        DueDateRules from2010 = new DueDateRules(List.of(new DueDayRegime(parse("2010-01"), 10)),
                WorkingDayCalendar.russianDefault());

        assertThatThrownBy(() -> from2010.dueDateFor(parse("2009-12")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2009-12");
    }

    @Test
    void invalidConfigurationIsRejected() {
        WorkingDayCalendar calendar = WorkingDayCalendar.russianDefault();
        assertThatThrownBy(() -> new DueDateRules(List.of(), calendar)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueDateRules(List.of(new DueDayRegime(parse("2010-01"), 10),
                new DueDayRegime(parse("2010-01"), 15)), calendar)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueDayRegime(parse("2010-01"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueDayRegime(parse("2010-01"), 32)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DueDateRules rulesWithDueDay(int dueDay) {
        return new DueDateRules(List.of(new DueDayRegime(parse("2000-01"), dueDay)), WorkingDayCalendar.russianDefault());
    }
}
