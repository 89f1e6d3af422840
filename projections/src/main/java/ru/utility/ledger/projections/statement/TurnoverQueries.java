package ru.utility.ledger.projections.statement;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.RegionCode;

/**
 * The turnover balance sheet, set-based over the statements projection: each account's lines are summed by kind and
 * by side of {@code from} in one pass of its (account, business date) index, never by replaying events. Because the
 * lines carry business dates, an event recorded late (backdated, or committed late: the projection reads only
 * committed rows in order, docs/contributing/architecture.md) lands in the period it belongs to, and a past period's sheet equals
 * the statements and as-of balances of its accounts. {@code knownAt} restricts it to what was recorded by then.
 *
 * <p>The penalty part of a balance also needs what payments settled of penalties (statement_penalty_settlement),
 * dated by the later of the money's value date and the event that let it settle (see the table's migration).
 */
@Service
public class TurnoverQueries {

    static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;

    public TurnoverQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of accounts after {@code after} (by account id) and the totals of every matching account. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TurnoverSheet page(LocalDate from, LocalDate to, Instant knownAt, RegionCode region, AccountId after,
                              int limit) {
        Sql sql = perAccount(from, to, knownAt, region, after);
        List<TurnoverSheet.AccountRow> rows = new ArrayList<>();
        jdbc.query(sql.text + " ORDER BY account_id LIMIT " + (limit + 1), rs -> {
            rows.add(accountRow(rs));
        }, sql.params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            next = rows.getLast().accountId().value();
        }
        List<TurnoverSheet.RegionRow> regions = regions(from, to, knownAt, region);
        return new TurnoverSheet(from, to, knownAt, region, rows, next, regions, total(regions));
    }

    /** Every matching account in account-id order, from a database cursor, then the totals. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<TurnoverSheet.RegionRow> export(LocalDate from, LocalDate to, Instant knownAt, RegionCode region,
                                                Consumer<TurnoverSheet.AccountRow> sink) {
        Sql sql = perAccount(from, to, knownAt, region, null);
        String select = sql.text + " ORDER BY account_id";
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < sql.params.size(); i++) {
                statement.setObject(i + 1, sql.params.get(i));
            }
            return statement;
        }, rs -> {
            sink.accept(accountRow(rs));
        });
        return regions(from, to, knownAt, region);
    }

    public static TurnoverLine total(List<TurnoverSheet.RegionRow> regions) {
        long[] sums = new long[10];
        for (TurnoverSheet.RegionRow region : regions) {
            TurnoverLine l = region.line();
            long[] values = {l.opening().kopecks(), l.openingPenalties().kopecks(), l.charged().kopecks(),
                    l.corrected().kopecks(), l.paid().kopecks(), l.reversed().kopecks(), l.reliefCredits().kopecks(),
                    l.penaltiesAccrued().kopecks(), l.writtenOff().kopecks(), l.paidToPenalties().kopecks()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] = Math.addExact(sums[i], values[i]);
            }
        }
        return TurnoverLine.of(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8], sums[9]);
    }

    private List<TurnoverSheet.RegionRow> regions(LocalDate from, LocalDate to, Instant knownAt, RegionCode region) {
        Sql sql = perAccount(from, to, knownAt, region, null);
        return jdbc.query("SELECT region_code, count(*) AS accounts, " + String.join(", ", List.of(
                        "sum(opening) AS opening", "sum(opening_penalties) AS opening_penalties", "sum(charged) AS charged",
                        "sum(corrected) AS corrected", "sum(paid) AS paid", "sum(reversed) AS reversed",
                        "sum(relief) AS relief", "sum(penalties) AS penalties", "sum(written_off) AS written_off",
                        "sum(paid_to_penalties) AS paid_to_penalties"))
                        + " FROM (" + sql.text + ") a GROUP BY region_code ORDER BY region_code",
                (rs, n) -> new TurnoverSheet.RegionRow(RegionCode.of(rs.getString("region_code")),
                        rs.getLong("accounts"), line(rs)), sql.params.toArray());
    }

    private static TurnoverSheet.AccountRow accountRow(ResultSet rs) throws SQLException {
        return new TurnoverSheet.AccountRow(AccountId.of(rs.getString("account_id")), rs.getString("holder_name"),
                RegionCode.of(rs.getString("region_code")), line(rs));
    }

    private static TurnoverLine line(ResultSet rs) throws SQLException {
        return TurnoverLine.of(rs.getLong("opening"), rs.getLong("opening_penalties"), rs.getLong("charged"),
                rs.getLong("corrected"), rs.getLong("paid"), rs.getLong("reversed"), rs.getLong("relief"),
                rs.getLong("penalties"), rs.getLong("written_off"), rs.getLong("paid_to_penalties"));
    }

    private record Sql(String text, List<Object> params) {
    }

    /**
     * One row per account opened by {@code to} with a balance before {@code from} or a movement in the period
     * (all-zero accounts are left out). The lateral sums read each account's lines through its index.
     */
    private static Sql perAccount(LocalDate from, LocalDate to, Instant knownAt, RegionCode region, AccountId after) {
        List<Object> params = new ArrayList<>();
        Date start = Date.valueOf(from);
        Date end = Date.valueOf(to);
        Timestamp known = knownAt == null ? null : Timestamp.from(knownAt);
        String lineKnown = known == null ? "" : " AND l.recorded_at <= ?";
        String settlementKnown = known == null ? "" : " AND s.recorded_at <= ?";
        StringBuilder text = new StringBuilder("""
                SELECT b.account_id, b.holder_name, b.region_code,
                       coalesce(l.opening, 0) AS opening,
                       coalesce(l.opening_penalty_lines, 0) - coalesce(s.opening_settled, 0) AS opening_penalties,
                       coalesce(l.charged, 0) AS charged, coalesce(l.corrected, 0) AS corrected,
                       coalesce(l.paid, 0) AS paid, coalesce(l.reversed, 0) AS reversed, coalesce(l.relief, 0) AS relief,
                       coalesce(l.penalties, 0) AS penalties, coalesce(l.written_off, 0) AS written_off,
                       -coalesce(s.settled, 0) AS paid_to_penalties
                  FROM account_balance b
                  CROSS JOIN LATERAL (
                    SELECT sum(l.amount_kopecks) FILTER (WHERE l.business_date < ?) AS opening,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date < ?
                               AND l.kind IN ('PENALTY', 'PENALTY_WRITE_OFF')) AS opening_penalty_lines,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ? AND l.kind = 'CHARGE') AS charged,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ? AND l.kind = 'CORRECTION') AS corrected,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ? AND l.kind = 'PAYMENT') AS paid,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ? AND l.kind = 'REVERSAL') AS reversed,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ?
                               AND l.kind IN ('COMPENSATION', 'DISCOUNT')) AS relief,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ? AND l.kind = 'PENALTY') AS penalties,
                           sum(l.amount_kopecks) FILTER (WHERE l.business_date >= ?
                               AND l.kind = 'PENALTY_WRITE_OFF') AS written_off,
                           count(*) FILTER (WHERE l.business_date >= ?) AS movements
                      FROM statement_line l
                     WHERE l.account_id = b.account_id AND l.business_date <= ?""").append(lineKnown).append("""
                  ) l
                  CROSS JOIN LATERAL (
                    SELECT sum(s.amount_kopecks) FILTER (WHERE s.effective_on < ?) AS opening_settled,
                           sum(s.amount_kopecks) FILTER (WHERE s.effective_on >= ?) AS settled
                      FROM (SELECT s.amount_kopecks,
                                   greatest(s.paid_on, (SELECT p.business_date FROM statement_line p
                                                         WHERE p.account_id = s.account_id AND p.sequence < s.sequence
                                                         ORDER BY p.sequence DESC LIMIT 1)) AS effective_on
                              FROM statement_penalty_settlement s
                             WHERE s.account_id = b.account_id""").append(settlementKnown).append("""
                           ) s
                     WHERE s.effective_on <= ?
                  ) s
                 WHERE b.opened_on <= ? AND (coalesce(l.opening, 0) <> 0 OR l.movements > 0)""");
        for (int i = 0; i < 10; i++) {
            params.add(start);
        }
        params.add(end);
        if (known != null) {
            params.add(known);
        }
        params.add(start);
        params.add(start);
        if (known != null) {
            params.add(known);
        }
        params.add(end);
        params.add(end);
        if (region != null) {
            text.append(" AND b.region_code = ?");
            params.add(region.value());
        }
        if (after != null) {
            text.append(" AND b.account_id > ?");
            params.add(after.value());
        }
        return new Sql(text.toString(), params);
    }
}
