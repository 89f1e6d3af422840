package ru.utility.ledger.projections.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;
import ru.utility.ledger.projections.support.ProjectionDatabase;

/**
 * The relief statistics projection's handlers against the real tables: every event delivered twice (and an
 * older one late) leaves the rows as one delivery did. A second handler instance writes, as a replay would.
 */
class ReliefStatisticsProjectionTest {

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();

    @Test
    void everyEventAppliesOnceEvenWhenDeliveredAgain() {
        ReliefStatisticsProjection projection = new ReliefStatisticsProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        ProgramId program = ProgramId.of("IDEM-" + account.value().substring(2, 14));
        ChargeId charge = new ChargeId("ENERGY-2026-06");
        PaymentId payment = new PaymentId("P-1");
        ProgramLaunched launched = new ProgramLaunched(program, "Twice", ReliefKind.DISCOUNT, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), new Eligibility(Set.of(SocialCategory.LARGE_FAMILY), Set.of()),
                new ReliefParameters(new BigDecimal("30"), null, null, null, null, null), null);
        ProgramClosed closed = new ProgramClosed(program, LocalDate.parse("2026-09-01"), "Ended");
        AccountOpened opened = new AccountOpened(account, "Twice", RegionCode.of("50"), LocalDate.parse("2026-01-01"));
        SocialCategoryGranted disabled = new SocialCategoryGranted(account, SocialCategory.DISABLED,
                LocalDate.parse("2026-01-01"), null, "Certificate 1");
        SocialCategoryGranted family = new SocialCategoryGranted(account, SocialCategory.LARGE_FAMILY,
                LocalDate.parse("2026-01-01"), null, "Certificate 2");
        AccountEnrolled enrolled = new AccountEnrolled(account, program, ReliefKind.DISCOUNT, LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-12-31"), new BigDecimal("30"), Set.of(SocialCategory.LARGE_FAMILY));
        ChargePosted posted = new ChargePosted(account, charge, new BillingPeriod(YearMonth.of(2026, 6)),
                Money.of("500.00"), null, null, LocalDate.parse("2026-07-15"), new BillingPeriod(YearMonth.of(2026, 6)).next().firstDay());
        DiscountCredited discount = new DiscountCredited(account, program, charge,
                DiscountCredited.creditIdFor(program, charge), Money.of("150.00"), new BigDecimal("30"),
                LocalDate.parse("2026-07-01"));
        PaymentRecorded paid = new PaymentRecorded(account, payment, Money.of("350.00"), PaymentChannel.CASH_OFFICE,
                LocalDate.parse("2026-08-01"), null);
        PaymentAllocated allocated = new PaymentAllocated(account, payment, LocalDate.parse("2026-08-01"),
                AllocationSource.RECEIPT, List.of(Allocation.principal(charge, Money.of("350.00")),
                Allocation.penalty(Money.of("1.00"))));
        PaymentAllocationReleased released = new PaymentAllocationReleased(account, payment,
                List.of(Allocation.principal(charge, Money.of("350.00"))));
        PaymentReversed reversed = new PaymentReversed(account, payment, Money.of("350.00"), "Recall",
                LocalDate.parse("2026-08-05"));

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(launched, 0);
            projection.on(closed, 1);
            projection.on(opened, 0);
            projection.on(disabled, 1);
            projection.on(family, 2);
            projection.on(enrolled, 3);
            projection.on(posted, 4);
            projection.on(discount, 5);
            projection.on(paid, 6);
            projection.on(allocated, 7);
            // An older event arriving late is ignored.
            projection.on(discount, 5);
        }
        Map<String, Object> enrolment = jdbc.queryForMap("SELECT * FROM relief_enrolment WHERE account_id = ?",
                account.value());
        assertThat(enrolment.get("discounted_kopecks")).isEqualTo(15_000L);
        // DISABLED comes later in declaration order than LARGE_FAMILY, and the programme does not accept it anyway.
        assertThat(enrolment.get("category")).isEqualTo("LARGE_FAMILY");
        assertThat(enrolment.get("region_code")).isEqualTo("50");
        assertThat(jdbc.queryForObject("SELECT closed_on FROM relief_program WHERE program_id = ?", String.class,
                program.value())).isEqualTo("2026-09-01");
        assertThat(jdbc.queryForObject("SELECT amount_kopecks FROM relief_settlement WHERE account_id = ?", Long.class,
                account.value())).isEqualTo(35_000L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM relief_charge WHERE account_id = ?", Long.class,
                account.value())).isEqualTo(1);

        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(released, 8);
            projection.on(reversed, 9);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM relief_settlement WHERE account_id = ?", Long.class,
                account.value())).isZero();
        assertThat(jdbc.queryForObject("SELECT reversed FROM relief_payment WHERE account_id = ?", Boolean.class,
                account.value())).isTrue();
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM projection_guard WHERE projection = 'relief-statistics' AND aggregate_id = ?", Long.class,
                account.value())).isEqualTo(9);
    }

    /** The one category table (V111): kept here, read by the overdue list, and emptied by an erasure. */
    @Test
    void categoriesAreKeptOnceAndGoWithTheErasure() {
        ReliefStatisticsProjection projection = new ReliefStatisticsProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        projection.on(new AccountOpened(account, "Holder", RegionCode.of("50"), LocalDate.parse("2026-01-01")), 0);
        for (int delivery = 0; delivery < 2; delivery++) {
            projection.on(new SocialCategoryGranted(account, SocialCategory.PENSIONER, LocalDate.parse("2026-02-01"),
                    null, "Pension 9"), 1);
            projection.on(new SocialCategoryRevoked(account, SocialCategory.PENSIONER, LocalDate.parse("2026-10-01"),
                    "Ended"), 2);
        }
        assertThat(jdbc.queryForObject("SELECT valid_to FROM account_category WHERE account_id = ?", String.class,
                account.value())).isEqualTo("2026-09-30");

        projection.on(new PersonalDataErased(account, LocalDate.parse("2026-10-02"), "Request 1"), 3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_category WHERE account_id = ?", Integer.class,
                account.value())).isZero();

        // A replay after the erasure: the sealed category reads as null, so the grant names none and adds no row.
        AccountId replayed = AccountId.of(ProjectionDatabase.newAccountId());
        projection.on(new AccountOpened(replayed, "[erased]", RegionCode.of("50"), LocalDate.parse("2026-01-01")), 0);
        projection.on(new SocialCategoryGranted(replayed, null, LocalDate.parse("2026-02-01"), null, "[erased]"), 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_category WHERE account_id = ?", Integer.class,
                replayed.value())).isZero();
    }

    @Test
    void anEventOfAnUnknownStreamFailsLoudly() {
        ReliefStatisticsProjection projection = new ReliefStatisticsProjection(jdbc);
        AccountId account = AccountId.of(ProjectionDatabase.newAccountId());
        assertThatThrownBy(() -> projection.on(new ChargePosted(account, new ChargeId("C-1"),
                new BillingPeriod(YearMonth.of(2026, 6)), Money.of("1.00"), null, null, LocalDate.parse("2026-07-15"), new BillingPeriod(YearMonth.of(2026, 6)).next().firstDay()), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the account's opening");
        assertThatThrownBy(() -> projection.on(new ProgramClosed(ProgramId.of("NEVER-LAUNCHED-1"),
                LocalDate.parse("2026-07-01"), "x"), 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before its launch");
    }
}
