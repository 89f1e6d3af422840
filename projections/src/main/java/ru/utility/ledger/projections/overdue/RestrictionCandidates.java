package ru.utility.ledger.projections.overdue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.NoticeChannel;
import ru.utility.ledger.core.api.RegionCode;

/**
 * Accounts that meet the debt and notice conditions for a supply restriction (Decree 354 pp.117-119) on
 * a date, from the overdue projection: overdue principal above two months of the charge at the consumption norm
 * and tariff of the account's region and household type in force that day (p.118; {@link ConsumptionNorms}), not
 * the account's own charges; an account without a household type, or whose norm is missing, is no candidate (the
 * threshold cannot be known). And a restriction notice delivered after the debt arose (after the due date of the oldest
 * charge still overdue) and at least 21 days before: the holder has the 20 days after delivery to pay, so supply
 * may be restricted from the 21st (p.119 a). A notice sent but not delivered counts for nothing. Whether a
 * moratorium covers the date is the caller's check (it is rules data, not per account). An installment plan (repayment
 * agreement) agreed by that date and being kept (no installment missed, neither defaulted nor completed: its
 * current status) excludes the account.
 */
@Service
public class RestrictionCandidates {

    /** The days after delivery the holder has to pay; a restriction may come from the next day on. */
    public static final int NOTICE_DAYS = 20;

    private final JdbcTemplate jdbc;

    public RestrictionCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ordered by account id; {@code after} is the last account id of the previous page, or null. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<RestrictionCandidate> candidates(LocalDate asOf, RegionCode region, AccountId after, int limit) {
        List<Object> params = new ArrayList<>(eligibleParameters(asOf));
        StringBuilder sql = new StringBuilder("SELECT a.account_id, a.region_code, x.overdue_kopecks, x.two_months_kopecks, "
                + "x.household_type, x.monthly_kwh, x.tariff_kopecks, x.sent_on, x.delivered_on, x.channel")
                .append(" FROM (").append(ELIGIBLE).append(") x JOIN overdue_account a ON a.account_id = x.account_id")
                .append(" WHERE true");
        if (region != null) {
            sql.append(" AND a.region_code = ?");
            params.add(region.value());
        }
        if (after != null) {
            sql.append(" AND a.account_id > ?");
            params.add(after.value());
        }
        sql.append(" ORDER BY a.account_id LIMIT ?");
        params.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new RestrictionCandidate(AccountId.of(rs.getString("account_id")),
                RegionCode.of(rs.getString("region_code")), Money.ofKopecks(rs.getLong("overdue_kopecks")),
                Money.ofKopecks(rs.getLong("two_months_kopecks")),
                ru.utility.ledger.core.api.HouseholdType.valueOf(rs.getString("household_type")),
                new ru.utility.ledger.core.api.EnergyKwh(rs.getBigDecimal("monthly_kwh")),
                Money.ofKopecks(rs.getLong("tariff_kopecks")), rs.getDate("sent_on").toLocalDate(),
                rs.getDate("delivered_on").toLocalDate(), NoticeChannel.valueOf(rs.getString("channel"))),
                params.toArray());
    }

    /**
     * The rule as one query over the overdue projection's tables: a row (account_id, overdue_kopecks,
     * two_months_kopecks, sent_on) per account that meets the debt and notice conditions on the day bound by
     * {@link #eligibleParameters}. Other queries (the overdue list's {@code restrictionEligible} filter) embed it,
     * so there is one definition of the rule.
     */
    static final String ELIGIBLE = """
            WITH due AS (
                SELECT account_id, sum(amount_kopecks - paid_kopecks) AS overdue_kopecks, min(due_date) AS debt_since
                  FROM overdue_charge
                 WHERE due_date < ? AND paid_kopecks < amount_kopecks
                 GROUP BY account_id
            ), threshold AS (
                SELECT a.account_id, a.household_type, n.monthly_kwh, n.tariff_kopecks,
                       2 * round(n.monthly_kwh * n.tariff_kopecks) AS two_months_kopecks
                  FROM overdue_account a JOIN due ON due.account_id = a.account_id
                  JOIN LATERAL (SELECT c.monthly_kwh, c.tariff_kopecks FROM consumption_norm c
                                 WHERE c.region_code = a.region_code AND c.household_type = a.household_type
                                   AND c.effective_from <= ?
                                 ORDER BY c.effective_from DESC LIMIT 1) n ON true
            ), notice AS (
                SELECT DISTINCT ON (o.account_id) o.account_id, o.sent_on, o.delivered_on, o.channel
                  FROM overdue_notice o JOIN due ON due.account_id = o.account_id
                 WHERE o.delivered_on <= ? AND o.delivered_on > due.debt_since
                 ORDER BY o.account_id, o.delivered_on DESC, o.notice_id
            )
            SELECT d.account_id, d.overdue_kopecks, t.two_months_kopecks, t.household_type, t.monthly_kwh,
                   t.tariff_kopecks, n.sent_on, n.delivered_on, n.channel
              FROM due d
              JOIN threshold t ON t.account_id = d.account_id
              JOIN notice n ON n.account_id = d.account_id
             WHERE d.overdue_kopecks > t.two_months_kopecks
               AND NOT EXISTS (SELECT 1 FROM overdue_agreement g
                                WHERE g.account_id = d.account_id AND g.status = 'ACTIVE' AND g.agreed_on <= ?)""";

    /** The parameters of {@link #ELIGIBLE} for a day, in order. */
    static List<Object> eligibleParameters(LocalDate asOf) {
        return List.of(Date.valueOf(asOf), Date.valueOf(asOf), Date.valueOf(asOf.minusDays(NOTICE_DAYS + 1)),
                Date.valueOf(asOf));
    }
}
