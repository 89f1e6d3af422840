package ru.utility.ledger.projections.relief;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ReliefKind;

/**
 * Relief statistics from the relief statistics projection, computed in one SQL statement per request. Whether
 * an account had overdue debt at the end of a day D is a question over its charges and dated settlements: some
 * charge whose (relief-shifted) due date is before D has less settled by D than its amount. Its recovery day is
 * the first day from its relief's end on without overdue debt; only the relief's end and the value dates of its
 * settlements can be such a day (nothing else makes debt stop being overdue), so those are the candidates. Its
 * re-default is a charge due on or after the recovery day that was unpaid the day after its due date.
 */
@Service
public class ReliefStatisticsQueries {

    /** Days after the relief's end within which an account must be without overdue debt to count as cured. */
    public static final int CURE_DAYS = 90;

    private static final String ALL = "ALL";

    private final NamedParameterJdbcTemplate jdbc;

    public ReliefStatisticsQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One programme's figures, in total and per group (no groups when {@code grouping} is null). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Grouped programme(ProgramId programId, ReliefGrouping grouping, LocalDate asOf) {
        return figures(programId, grouping == null ? "'" + ALL + "'" : grouping.expression(), asOf, grouping != null);
    }

    /** Every programme the projection knows, with its figures (zero when nobody enrolled), and the total. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Summary summary(LocalDate asOf) {
        Grouped grouped = figures(null, "e.program_id", asOf, true);
        List<ProgramFigures> programs = jdbc.query("SELECT program_id, name, kind FROM relief_program ORDER BY program_id",
                (rs, n) -> new ProgramFigures(ProgramId.of(rs.getString("program_id")), rs.getString("name"),
                        ReliefKind.valueOf(rs.getString("kind")),
                        grouped.groups().getOrDefault(rs.getString("program_id"), ReliefFigures.none())));
        return new Summary(programs, grouped.total());
    }

    public record Grouped(ReliefFigures total, Map<String, ReliefFigures> groups) {
    }

    public record ProgramFigures(ProgramId programId, String name, ReliefKind kind, ReliefFigures figures) {
    }

    public record Summary(List<ProgramFigures> programs, ReliefFigures total) {
    }

    private Grouped figures(ProgramId programId, String groupExpression, LocalDate asOf, boolean withGroups) {
        String effectiveDue = "GREATEST(c.due_date, c.relief_until)";
        String settledBy = "(SELECT coalesce(sum(s.amount_kopecks), 0) FROM relief_settlement s"
                + " WHERE s.account_id = c.account_id AND s.charge_id = c.charge_id AND s.paid_on <= %s)";
        String sql = """
                WITH e AS (
                    SELECT e.program_id, e.account_id, e.enrolled_on, e.outcome, %1$s AS grp,
                           %2$s AS ends_on, e.deferred_kopecks, e.restructured_kopecks, e.discounted_kopecks,
                           e.compensated_kopecks, e.penalties_forgone_kopecks
                      FROM %3$s
                     WHERE e.enrolled_on <= :asOf %4$s
                ), r AS (
                    SELECT e.*,
                           CASE WHEN e.ends_on < :asOf THEN (
                               SELECT min(d.day) FROM (
                                   SELECT e.ends_on AS day
                                   UNION
                                   SELECT s.paid_on FROM relief_settlement s
                                    WHERE s.account_id = e.account_id AND s.paid_on > e.ends_on
                                      AND s.paid_on <= LEAST(e.ends_on + :cureDays, :asOf)) d
                                WHERE NOT EXISTS (
                                   SELECT 1 FROM relief_charge c
                                    WHERE c.account_id = e.account_id AND %5$s < d.day
                                      AND c.amount_kopecks > %6$s))
                           END AS recovered_on,
                           (SELECT coalesce(sum(p.amount_kopecks), 0) FROM relief_payment p
                             WHERE p.account_id = e.account_id AND NOT p.reversed
                               AND p.received_on >= e.enrolled_on AND p.received_on <= :asOf) AS collected_kopecks
                      FROM e
                ), o AS (
                    SELECT r.*,
                           CASE WHEN r.recovered_on IS NOT NULL THEN 'CURED'
                                WHEN r.ends_on + :cureDays < :asOf THEN 'NOT_CURED'
                                WHEN r.ends_on < :asOf THEN 'PENDING' END AS cure,
                           r.recovered_on IS NOT NULL AND EXISTS (
                               SELECT 1 FROM relief_charge c
                                WHERE c.account_id = r.account_id AND %5$s >= r.recovered_on AND %5$s < :asOf
                                  AND c.amount_kopecks > %7$s) AS redefaulted
                      FROM r
                )
                SELECT grp, GROUPING(grp) AS is_total,
                       count(*) AS enrolled,
                       count(*) FILTER (WHERE outcome IS DISTINCT FROM 'DEFAULTED'
                                          AND (ends_on IS NULL OR ends_on >= :asOf)) AS active,
                       count(*) FILTER (WHERE outcome IS DISTINCT FROM 'DEFAULTED' AND ends_on < :asOf) AS completed,
                       count(*) FILTER (WHERE outcome = 'DEFAULTED') AS defaulted,
                       coalesce(sum(deferred_kopecks), 0) AS deferred,
                       coalesce(sum(restructured_kopecks), 0) AS restructured,
                       coalesce(sum(discounted_kopecks), 0) AS discounted,
                       coalesce(sum(compensated_kopecks), 0) AS compensated,
                       coalesce(sum(penalties_forgone_kopecks), 0) AS penalties_forgone,
                       coalesce(sum(collected_kopecks), 0) AS collected,
                       count(*) FILTER (WHERE ends_on < :asOf) AS relief_ended,
                       count(*) FILTER (WHERE cure = 'CURED') AS cured,
                       count(*) FILTER (WHERE cure = 'NOT_CURED') AS not_cured,
                       count(*) FILTER (WHERE cure = 'PENDING') AS pending,
                       count(*) FILTER (WHERE redefaulted) AS redefaulted,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY recovered_on - ends_on)
                           FILTER (WHERE cure = 'CURED') AS median_days
                  FROM o
                 GROUP BY GROUPING SETS ((grp), ())
                 ORDER BY is_total, grp""".formatted(groupExpression, ReliefSql.RELIEF_ENDS_ON, ReliefSql.ENROLMENTS,
                programId == null ? "" : "AND e.program_id = :programId", effectiveDue, settledBy.formatted("d.day"),
                settledBy.formatted(effectiveDue + " + 1"));
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                .addValue("cureDays", CURE_DAYS);
        if (programId != null) {
            params.addValue("programId", programId.value());
        }
        Map<String, ReliefFigures> groups = new LinkedHashMap<>();
        List<ReliefFigures> total = new ArrayList<>(1);
        jdbc.query(sql, params, rs -> {
            ReliefFigures figures = row(rs);
            if (rs.getInt("is_total") == 1) {
                total.add(figures);
            } else if (withGroups) {
                groups.put(rs.getString("grp"), figures);
            }
        });
        return new Grouped(total.isEmpty() ? ReliefFigures.none() : total.getFirst(), groups);
    }

    private static ReliefFigures row(ResultSet rs) throws SQLException {
        long cured = rs.getLong("cured");
        long notCured = rs.getLong("not_cured");
        long reDefaulted = rs.getLong("redefaulted");
        BigDecimal median = rs.getBigDecimal("median_days");
        return new ReliefFigures(rs.getLong("enrolled"), rs.getLong("active"), rs.getLong("completed"),
                rs.getLong("defaulted"), money(rs, "deferred"), money(rs, "restructured"), money(rs, "discounted"),
                money(rs, "compensated"), money(rs, "penalties_forgone"), money(rs, "collected"),
                rs.getLong("relief_ended"), cured, notCured, rs.getLong("pending"), ratio(cured, cured + notCured),
                reDefaulted, ratio(reDefaulted, cured), median == null ? null : median.setScale(1, RoundingMode.HALF_UP));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        return Money.ofKopecks(rs.getLong(column));
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
