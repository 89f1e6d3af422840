package ru.utility.ledger.core.rules;

import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.account.ScheduledInstallment;
import ru.utility.ledger.core.testing.Samples;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallmentScheduleTest {

    private static final PlanId PLAN = PlanId.of("PLAN-1");
    private static final LocalDate FIRST = LocalDate.of(2026, 12, 31);

    @Test
    void theRemainderGoesOnTheLastAndTheDueDatesAreMonthly() {
        List<ScheduledInstallment> schedule = InstallmentSchedule.split(PLAN, Money.parse("1000.00"), 3, FIRST);

        assertThat(schedule).extracting(ScheduledInstallment::amount)
                .containsExactly(Money.parse("333.33"), Money.parse("333.33"), Money.parse("333.34"));
        // Month ends are clamped: 31 December, 31 January, 28 February.
        assertThat(schedule).extracting(ScheduledInstallment::dueDate)
                .containsExactly(FIRST, LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28));
        assertThat(schedule).extracting(i -> i.installmentId().value()).containsExactly("PLAN-1:1", "PLAN-1:2", "PLAN-1:3");
    }

    @Test
    void everyScheduleSumsExactlyToItsDebt() {
        Samples.forAll(Samples.longsBetween(1, Long.MAX_VALUE / 4), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int count = random.nextInt(2, 61);
            long total = random.nextLong(count, 100_000_000_000L);
            List<ScheduledInstallment> schedule = InstallmentSchedule.split(PLAN, Money.ofKopecks(total), count, FIRST);

            assertThat(schedule).hasSize(count);
            assertThat(schedule.stream().mapToLong(i -> i.amount().kopecks()).sum()).isEqualTo(total);
            long each = schedule.getFirst().amount().kopecks();
            assertThat(schedule.subList(0, count - 1)).allMatch(i -> i.amount().kopecks() == each);
            assertThat(schedule.getLast().amount().kopecks()).isBetween(each, each + count - 1);
        });
    }

    @Test
    void aDebtBelowOneKopeckPerInstallmentIsRefused() {
        assertThatThrownBy(() -> InstallmentSchedule.split(PLAN, Money.parse("0.02"), 3, FIRST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.01");
    }
}
