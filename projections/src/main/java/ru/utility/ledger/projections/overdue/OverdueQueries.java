package ru.utility.ledger.projections.overdue;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.projections.relief.ReliefSql;

/**
 * The overdue list from the overdue projection. Overdue-ness is computed for the date asked: a charge is
 * overdue on {@code asOf} when its due date is before it and part of it is unpaid, and time-barred when its due
 * date is more than three years before it ({@link TimeBarredSql}). Pages use keyset
 * paging on (sort value, account id); the export reads the same rows through a server-side cursor, a
 * fetch at a time, so its size does not depend on memory.
 */
@Service
public class OverdueQueries {

    static final int EXPORT_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    public OverdueQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The page and its totals come from one snapshot, so they agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OverduePage page(OverdueFilter filter, OverdueSort sort, boolean descending, OverdueCursor after,
                            int limit) {
        Sql sql = listed(filter);
        StringBuilder select = new StringBuilder(sql.text).append(" SELECT * FROM listed WHERE true");
        List<Object> params = new ArrayList<>(sql.params);
        if (after != null) {
            String op = descending ? "<" : ">";
            if (sort == OverdueSort.ACCOUNT_ID) {
                select.append(" AND account_id ").append(op).append(" ?");
                params.add(after.accountId().value());
            } else {
                select.append(" AND (").append(sort.column()).append(", account_id) ").append(op).append(" (?, ?)");
                params.add(after.value());
                params.add(after.accountId().value());
            }
        }
        select.append(order(sort, descending)).append(" LIMIT ?");
        params.add(limit + 1);
        List<OverdueAccount> rows = new ArrayList<>();
        jdbc.query(select.toString(), rs -> {
            rows.add(row(rs, filter));
        }, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            OverdueAccount last = rows.getLast();
            long value = switch (sort) {
                case DAYS_OVERDUE -> last.daysOverdue();
                case AMOUNT -> last.overdueAmount().kopecks();
                case ACCOUNT_ID -> 0;
            };
            next = new OverdueCursor(sort, descending, value, last.accountId()).encode();
        }
        return totals(filter, sql, rows, next);
    }

    /** Every listed account in the given order, handed to {@code sink} as the database delivers them. */
    @Transactional(readOnly = true)
    public void export(OverdueFilter filter, OverdueSort sort, boolean descending, Consumer<OverdueAccount> sink) {
        Sql sql = listed(filter);
        String select = sql.text + " SELECT * FROM listed" + order(sort, descending);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select);
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < sql.params.size(); i++) {
                statement.setObject(i + 1, sql.params.get(i));
            }
            return statement;
        }, rs -> {
            sink.accept(row(rs, filter));
        });
    }

    private OverduePage totals(OverdueFilter filter, Sql sql, List<OverdueAccount> rows, String next) {
        StringBuilder select = new StringBuilder(sql.text).append(" SELECT count(*) AS accounts, ")
                .append("coalesce(sum(overdue_kopecks), 0) AS amount, coalesce(sum(time_barred_kopecks), 0) AS time_barred");
        for (AgingBucket bucket : AgingBucket.values()) {
            select.append(", coalesce(sum(").append(amountColumn(bucket)).append("), 0) AS ")
                    .append(amountColumn(bucket))
                    .append(", count(*) FILTER (WHERE days_overdue BETWEEN ").append(bucket.fromDay())
                    .append(" AND ").append(bucket.toDay()).append(") AS n_").append(bucket.name().toLowerCase());
        }
        select.append(" FROM listed");
        return jdbc.queryForObject(select.toString(), (rs, n) -> {
            List<BucketTotal> buckets = new ArrayList<>();
            for (AgingBucket bucket : AgingBucket.values()) {
                buckets.add(new BucketTotal(bucket, Money.ofKopecks(rs.getLong(amountColumn(bucket))),
                        rs.getLong("n_" + bucket.name().toLowerCase())));
            }
            return new OverduePage(filter.asOf(), rows, next, Money.ofKopecks(rs.getLong("amount")),
                    rs.getLong("accounts"), buckets, Money.ofKopecks(rs.getLong("time_barred")));
        }, sql.params.toArray());
    }

    /** A {@code WITH ... listed AS (...)} clause: the accounts the filter matches, one row each. */
    private static Sql listed(OverdueFilter filter) {
        Date asOf = Date.valueOf(filter.asOf());
        List<Object> params = new ArrayList<>();
        StringBuilder buckets = new StringBuilder();
        for (AgingBucket bucket : AgingBucket.values()) {
            buckets.append(", sum(d.unpaid) FILTER (WHERE d.days BETWEEN ").append(bucket.fromDay()).append(" AND ")
                    .append(bucket.toDay()).append(") AS ").append(amountColumn(bucket));
        }
        StringBuilder text = new StringBuilder("""
                WITH due AS (
                    SELECT c.account_id, c.amount_kopecks - c.paid_kopecks AS unpaid, (?::date - c.due_date) AS days,
                           """).append(TimeBarredSql.CHARGE_TIME_BARRED_ON).append("""
                            AS time_barred
                      FROM overdue_charge c
                     WHERE c.due_date < ? AND c.paid_kopecks < c.amount_kopecks
                ), grouped AS (
                    SELECT a.account_id, a.region_code, sum(d.unpaid) AS overdue_kopecks, max(d.days) AS days_overdue,
                           count(*) AS overdue_charges,
                           coalesce(sum(d.unpaid) FILTER (WHERE d.time_barred), 0) AS time_barred_kopecks""")
                .append(buckets).append("\n").append("""
                      FROM due d JOIN overdue_account a ON a.account_id = d.account_id
                     WHERE true""");
        params.add(asOf);
        params.add(asOf);
        params.add(asOf);
        if (filter.region() != null) {
            text.append(" AND a.region_code = ?");
            params.add(filter.region().value());
        }
        if (filter.category() != null) {
            text.append("\n").append("""
                     AND EXISTS (SELECT 1 FROM account_category g WHERE g.account_id = a.account_id
                                    AND g.category = ? AND g.valid_from <= ? AND (g.valid_to IS NULL OR g.valid_to >= ?))""");
            params.add(filter.category().name());
            params.add(asOf);
            params.add(asOf);
        }
        if (filter.inRelief() != null) {
            // The relief statistics projection knows enrolments; its rule of when one is active is reused.
            text.append(filter.inRelief() ? " AND " : " AND NOT ").append(ReliefSql.hasActiveEnrolment("a.account_id"));
            params.add(asOf);
            params.add(asOf);
        }
        if (filter.restrictionEligible() != null) {
            if (filter.moratorium()) {
                text.append(filter.restrictionEligible() ? " AND false" : "");
            } else {
                text.append(filter.restrictionEligible() ? " AND " : " AND NOT ").append("a.account_id IN (SELECT account_id FROM (")
                        .append(RestrictionCandidates.ELIGIBLE).append(") eligible)");
                params.addAll(RestrictionCandidates.eligibleParameters(filter.asOf()));
            }
        }
        text.append("\n").append("""
                     GROUP BY a.account_id, a.region_code
                ), listed AS (
                    SELECT grouped.*,
                           (SELECT string_agg(g.category, ',' ORDER BY g.category) FROM account_category g
                             WHERE g.account_id = grouped.account_id AND g.valid_from <= ?
                               AND (g.valid_to IS NULL OR g.valid_to >= ?)) AS categories
                      FROM grouped WHERE true""");
        params.add(asOf);
        params.add(asOf);
        if (filter.minDays() != null) {
            text.append(" AND days_overdue >= ?");
            params.add(filter.minDays());
        }
        if (filter.bucket() != null) {
            text.append(" AND days_overdue BETWEEN ? AND ?");
            params.add(filter.bucket().fromDay());
            params.add(filter.bucket().toDay());
        }
        if (filter.minAmount() != null) {
            text.append(" AND overdue_kopecks >= ?");
            params.add(filter.minAmount().kopecks());
        }
        text.append("\n)");
        return new Sql(text.toString(), params);
    }

    private static String order(OverdueSort sort, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return sort == OverdueSort.ACCOUNT_ID ? " ORDER BY account_id" + direction
                : " ORDER BY " + sort.column() + direction + ", account_id" + direction;
    }

    private static String amountColumn(AgingBucket bucket) {
        return "amount_" + bucket.name().toLowerCase();
    }

    private static OverdueAccount row(ResultSet rs, OverdueFilter filter) throws SQLException {
        long days = rs.getLong("days_overdue");
        String categories = rs.getString("categories");
        return new OverdueAccount(AccountId.of(rs.getString("account_id")), RegionCode.of(rs.getString("region_code")),
                categories == null ? List.of()
                        : Arrays.stream(categories.split(",")).map(SocialCategory::valueOf).toList(),
                Money.ofKopecks(rs.getLong("overdue_kopecks")), filter.asOf().minusDays(days), days,
                AgingBucket.of(days), rs.getInt("overdue_charges"), Money.ofKopecks(rs.getLong("time_barred_kopecks")));
    }

    private record Sql(String text, List<Object> params) {
    }
}
