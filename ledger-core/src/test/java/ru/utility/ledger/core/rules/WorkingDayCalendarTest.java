package ru.utility.ledger.core.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar russian = WorkingDayCalendar.russianDefault();

    @Test
    void weekdaysWork() {
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 11, 20))).isTrue(); // Friday
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 11, 16))).isTrue(); // Monday
    }

    @Test
    void weekendsDoNot() {
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse(); // Saturday
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse(); // Sunday
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-01-08", "2026-02-23", "2026-03-09", "2026-05-01", "2024-05-09",
            "2026-06-12", "2025-11-04"})
    void fixedHolidaysOnWeekdaysDoNotWork(String date) {
        // 2026-03-09 is a Monday but not a holiday: only the 8th is, and transfers are configuration.
        boolean expected = date.equals("2026-03-09");
        assertThat(russian.isWorkingDay(LocalDate.parse(date))).isEqualTo(expected);
    }

    @Test
    void theFixedHolidaysAreThoseOfLabourCodeArticle112() {
        assertThat(WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS).hasSize(14)
                .contains(MonthDay.of(1, 1), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
                        MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));
    }

    @Test
    void extraHolidaysAndWorkingDaysOverrideTheWeek() {
        LocalDate transferredDayOff = LocalDate.of(2026, 1, 9); // Friday
        LocalDate workingSaturday = LocalDate.of(2026, 11, 21);
        WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS,
                Set.of(transferredDayOff), Set.of(workingSaturday));

        assertThat(calendar.isWorkingDay(transferredDayOff)).isFalse();
        assertThat(calendar.isWorkingDay(workingSaturday)).isTrue();
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 12));
    }

    @Test
    void aWorkingDayStaysPut() {
        assertThat(russian.onOrNextWorkingDay(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void weekendMovesToMonday() {
        assertThat(russian.onOrNextWorkingDay(LocalDate.of(2026, 8, 15))).isEqualTo(LocalDate.of(2026, 8, 17));
    }

    @Test
    void newYearHolidaysMoveToTheNinth() {
        assertThat(russian.onOrNextWorkingDay(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 9));
    }

    @Test
    void aHolidayOnFridayMovesPastTheWeekend() {
        assertThat(russian.onOrNextWorkingDay(LocalDate.of(2024, 2, 23))).isEqualTo(LocalDate.of(2024, 2, 26));
    }

    @Test
    void contradictoryConfigurationIsRejected() {
        LocalDate day = LocalDate.of(2026, 5, 4);
        assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), Set.of(day), Set.of(day)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-05-04");
    }

    @Test
    void aCalendarWithoutWorkingDaysFailsLoudly() {
        Set<MonthDay> everyDay = new java.util.HashSet<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            everyDay.add(MonthDay.from(d));
        }
        WorkingDayCalendar never = new WorkingDayCalendar(everyDay, Set.of(), Set.of());

        assertThatThrownBy(() -> never.onOrNextWorkingDay(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
