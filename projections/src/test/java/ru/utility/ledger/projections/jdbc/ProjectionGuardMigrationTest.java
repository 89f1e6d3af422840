package ru.utility.ledger.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.projections.support.ProjectionDatabase;

/** The V110 and V111 migrations on a database the projections had already built. */
class ProjectionGuardMigrationTest {

    /** V110: the old guards become the shared guard's marks. */
    @Test
    void theOldGuardsBecomeMarksSoNoEventAppliesAgain() {
        DataSource dataSource = ProjectionDatabase.get().newDatabase();
        ProjectionDatabase.migrate(dataSource, "80");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                INSERT INTO account_balance (account_id, holder_name, region_code, status, opened_on, last_sequence,
                                             last_event_at)
                VALUES ('A-1', 'Holder', '66', 'OPEN', DATE '2026-01-01', 7, now())""");
        jdbc.update("INSERT INTO overdue_account (account_id, region_code, last_sequence) VALUES ('A-1', '66', 9)");
        jdbc.update("INSERT INTO relief_account (account_id, region_code, last_sequence) VALUES ('A-1', '66', 8)");
        jdbc.update("""
                INSERT INTO relief_program (program_id, name, kind, active_from, last_sequence)
                VALUES ('P-1', 'Winter', 'DISCOUNT', DATE '2026-01-01', 1)""");
        jdbc.update("""
                INSERT INTO programme_moratorium (program_id, name, active_from, last_sequence)
                VALUES ('P-2', 'Moratorium', DATE '2026-01-01', 1)""");
        jdbc.update("""
                INSERT INTO statement_line (account_id, sequence, business_date, kind, reference, description,
                                            amount_kopecks, recorded_at)
                VALUES ('A-1', 3, DATE '2026-02-01', 'CHARGE', 'C-1', 'Charge', 100, now()),
                       ('A-1', 5, DATE '2026-02-02', 'PAYMENT', 'P-1', 'Payment', -100, now())""");

        ProjectionDatabase.migrate(dataSource, "110");

        assertThat(jdbc.queryForList("""
                SELECT projection || ' ' || aggregate_id || ' ' || last_sequence FROM projection_guard
                 ORDER BY projection, aggregate_id""", String.class)).isEqualTo(List.of(
                "balances A-1 7", "overdue A-1 9", "programme-moratoria P-2 1", "relief-statistics A-1 8",
                "relief-statistics P-1 1", "statements A-1 5"));
        ProjectionGuard overdue = new ProjectionGuard(jdbc, "overdue");
        assertThat(overdue.firstDelivery("A-1", 9)).isFalse();
        assertThat(overdue.firstDelivery("A-1", 10)).isTrue();
    }

    /** V111: the relief statistics projection's categories become the one table; the overdue copy goes. */
    @Test
    void theCategoriesBecomeOneTable() {
        DataSource dataSource = ProjectionDatabase.get().newDatabase();
        ProjectionDatabase.migrate(dataSource, "110");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO relief_category VALUES ('A-1', 'PENSIONER', DATE '2026-02-01', DATE '2026-09-30')");
        jdbc.update("INSERT INTO overdue_category VALUES ('A-1', 'PENSIONER', DATE '2026-02-01', DATE '2026-09-30')");

        ProjectionDatabase.migrate(dataSource, "111");

        assertThat(jdbc.queryForList("SELECT account_id || ' ' || category || ' ' || valid_from || ' ' || valid_to"
                + " FROM account_category", String.class)).containsExactly("A-1 PENSIONER 2026-02-01 2026-09-30");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename IN ('relief_category',"
                + " 'overdue_category')", Integer.class)).isZero();
    }
}
