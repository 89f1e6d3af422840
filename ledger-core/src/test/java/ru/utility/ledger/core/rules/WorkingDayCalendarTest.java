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
    @ValueSource(strings = {"2026-01-01", "2026-01-08", "2026-02-23", "2026-05-01", "2024-05-09",
            "2026-06-12", "2025-11-04"})
    void fixedHolidaysOnWeekdaysDoNotWork(String date) {
        assertThat(russian.isWorkingDay(LocalDate.parse(date))).isFalse();
    }

    /** 8 March 2026 is a Sunday: Labour Code art. 112 part two moves the day off to Monday 9 March. */
    @Test
    void aHolidayOnAWeekendMovesToTheNextWorkingDay() {
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 3, 10))).isTrue();
        // 9 May 2026 is a Saturday: Monday 11 May.
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 5, 11))).isFalse();
        // 1 and 9 May 2021 were a Saturday and a Sunday: 3 and 10 May.
        assertThat(russian.isWorkingDay(LocalDate.of(2021, 5, 3))).isFalse();
        assertThat(russian.isWorkingDay(LocalDate.of(2021, 5, 10))).isFalse();
    }

    /** Decree No. 1335 of 2024 transferred Sunday 23 February 2025 itself (to 8 May): Monday 24 February worked. */
    @Test
    void aDecreeThatTransfersAWeekendHolidayReplacesTheAutomaticMove() {
        assertThat(russian.isWorkingDay(LocalDate.of(2025, 2, 24))).isTrue();
        assertThat(russian.isWorkingDay(LocalDate.of(2025, 5, 8))).isFalse();
    }

    /** The January holidays never move by themselves; the decree transfers two of them (2026: to 9 Jan, 31 Dec). */
    @Test
    void januaryHolidaysOnAWeekendMoveOnlyByDecree() {
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(russian.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
    }

    /** Decree No. 1314 of 2023: Saturdays 27 April, 2 November and 28 December 2024 were working days. */
    @Test
    void aTransferredSaturdayIsAWorkingDay() {
        assertThat(russian.isWorkingDay(LocalDate.of(2024, 4, 27))).isTrue();
        assertThat(russian.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
        assertThat(russian.isWorkingDay(LocalDate.of(2024, 11, 2))).isTrue();
        assertThat(russian.isWorkingDay(LocalDate.of(2024, 4, 30))).isFalse();
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

    /** 1-8 January are holidays, 9 January 2026 the day off transferred from Saturday 3 January, 10-11 a weekend. */
    @Test
    void newYearHolidays2026EndOnTheEleventh() {
        assertThat(russian.onOrNextWorkingDay(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 12));
    }

    @Test
    void aDayTransferredTwiceIsRejected() {
        LocalDate day = LocalDate.of(2026, 1, 3);
        assertThatThrownBy(() -> new WorkingDayCalendar(WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS, java.util.List.of(
                new DayOffTransfer(day, LocalDate.of(2026, 1, 9), "a"), new DayOffTransfer(day, LocalDate.of(2026, 1, 12), "b")),
                Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
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
