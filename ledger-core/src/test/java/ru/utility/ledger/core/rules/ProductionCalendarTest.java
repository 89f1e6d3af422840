package ru.utility.ledger.core.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped production calendar (docs/reference/law.md, "Production calendar"). */
class ProductionCalendarTest {

    private static final ProductionCalendar SHIPPED = ProductionCalendar.shipped();

    @Test
    void everyYearFrom2016Through2027NamesItsDecree() {
        assertThat(SHIPPED.decrees().keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(2016, 2027).boxed().toList());
        assertThat(SHIPPED.decrees().values()).allSatisfy(source -> assertThat(source).containsPattern("\\[.*verified.*]"));
        assertThat(SHIPPED.decrees().get(2024)).startsWith("Government Decree No. 1314 of 10 August 2023");
        assertThat(SHIPPED.transfers()).allSatisfy(t -> assertThat(t.source()).isEqualTo(SHIPPED.decrees().get(t.from().getYear())));
    }

    /**
     * Working days in each year, counted by hand from the decrees and art. 112 (a five-day week): 2024 had 248
     * (366 days, 104 weekend days, 17 weekday days off, 3 working Saturdays); 2026 has 247 (365 days, 104
     * weekend days, 14 weekday days off).
     */
    @Test
    void workingDaysPerYear() {
        assertThat(workingDays(2024)).isEqualTo(248);
        assertThat(workingDays(2026)).isEqualTo(247);
    }

    @Test
    void malformedDataNamesItsLine() {
        assertThatThrownBy(() -> ProductionCalendar.parse("year 2026 decree\ntransfer 2027-01-03 2026-01-09"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> ProductionCalendar.parse("transfer 2026-01-03 2026-01-09")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ProductionCalendar.parse("year 2026")).hasMessageContaining("source");
        assertThatThrownBy(() -> ProductionCalendar.parse("holiday 01-01")).hasMessageContaining("unknown rule");
    }

    private static long workingDays(int year) {
        WorkingDayCalendar calendar = SHIPPED.calendar();
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(calendar::isWorkingDay).count();
    }
}
