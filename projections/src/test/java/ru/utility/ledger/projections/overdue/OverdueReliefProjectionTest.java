package ru.utility.ledger.projections.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PlanId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargeDueDate;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.account.DeferredCharge;
import ru.utility.ledger.core.api.account.InstallmentPlanAgreed;
import ru.utility.ledger.core.api.account.InstallmentPlanDefaulted;
import ru.utility.ledger.core.api.account.RestructuredCharge;
import ru.utility.ledger.core.api.account.ScheduledInstallment;

/** Deferrals and installment plans in the overdue tables, each event applied once even when delivered again. */
class OverdueReliefProjectionTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();

    @Test
    void dueDatesMoveAndRestructuredChargesGiveWayToInstallments() {
        OverdueProjection projection = new OverdueProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        ChargeId charge = new ChargeId("ENERGY-2026-06");
        PlanId plan = PlanId.of("P1");
        LocalDate due = LocalDate.parse("2026-07-15");
        var opened = new AccountOpened(account, "Relief", RegionCode.of("50"), LocalDate.parse("2026-01-01"));
        var posted = new ChargePosted(account, charge, new BillingPeriod(YearMonth.of(2026, 6)), Money.of("500.00"),
                null, null, due, new BillingPeriod(YearMonth.of(2026, 6)).next().firstDay());
        var granted = new DeferralGranted(account, DeferralId.of("D1"), ProgramId.of("DEF"), LocalDate.parse("2026-08-01"),
                LocalDate.parse("2026-10-31"), List.of(new DeferredCharge(charge, due, Money.of("500.00"))));
        var ended = new DeferralEndedEarly(account, DeferralId.of("D1"), LocalDate.parse("2026-09-01"), "Work",
                List.of(new ChargeDueDate(charge, LocalDate.parse("2026-09-01"))));
        var agreed = new InstallmentPlanAgreed(account, plan, ProgramId.of("INST"), LocalDate.parse("2026-09-10"), 1,
                List.of(new RestructuredCharge(charge, Money.of("500.00"))), List.of(
                new ScheduledInstallment(1, plan.installment(1), LocalDate.parse("2026-10-10"), Money.of("250.00")),
                new ScheduledInstallment(2, plan.installment(2), LocalDate.parse("2026-11-10"), Money.of("250.00"))));
        var defaulted = new InstallmentPlanDefaulted(account, plan, LocalDate.parse("2026-10-11"), 1,
                List.of(new ChargeDueDate(plan.installment(2), LocalDate.parse("2026-10-11"))));

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(opened, 0);
            projection.on(posted, 1);
            projection.on(granted, 2);
            if (delivery == 0) {
                assertThat(row(account, charge).get("due_date").toString()).isEqualTo("2026-10-31");
            }
            projection.on(ended, 3);
            projection.on(agreed, 4);
            projection.on(defaulted, 5);
        }
        Map<String, Object> restructured = row(account, charge);
        assertThat(restructured.get("due_date").toString()).isEqualTo("2026-09-01");
        assertThat(restructured.get("paid_kopecks")).isEqualTo(50_000L);
        assertThat(row(account, plan.installment(1)).get("due_date").toString()).isEqualTo("2026-10-10");
        assertThat(row(account, plan.installment(1)).get("amount_kopecks")).isEqualTo(25_000L);
        assertThat(row(account, plan.installment(2)).get("due_date").toString()).isEqualTo("2026-10-11");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM overdue_charge WHERE account_id = ?", Integer.class,
                account.value())).isEqualTo(3);
    }

    private Map<String, Object> row(AccountId account, ChargeId charge) {
        return jdbc.queryForMap("SELECT amount_kopecks, paid_kopecks, due_date FROM overdue_charge "
                + "WHERE account_id = ? AND charge_id = ?", account.value(), charge.value());
    }
}
