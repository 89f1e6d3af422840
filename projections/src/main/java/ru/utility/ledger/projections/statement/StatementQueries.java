package ru.utility.ledger.projections.statement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.debt.Limitation;
import ru.utility.ledger.projections.overdue.TimeBarredSql;

/**
 * Builds statements from the statements projection, ordered by business date, then by event sequence. The
 * time-barred debt comes from the overdue projection, which knows each charge's due date in force and what of it
 * is unpaid, with the same rule as the overdue list.
 */
@Service
public class StatementQueries {

    private final JdbcTemplate jdbc;

    public StatementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opening balance and lines come from one snapshot, so they always add up.
     *
     * @param timeBarredOn the day to judge time-barred debt on (the statement's end, at the latest today)
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Statement statement(AccountId accountId, LocalDate from, LocalDate to, LocalDate timeBarredOn) {
        List<Statement.TimeBarredCharge> timeBarred = timeBarred(accountId, timeBarredOn);
        Set<String> timeBarredIds = timeBarred.stream().map(Statement.TimeBarredCharge::chargeId)
                .collect(Collectors.toSet());
        Long opening = jdbc.queryForObject("""
                SELECT coalesce(sum(amount_kopecks), 0) FROM statement_line
                 WHERE account_id = ? AND business_date < ?""", Long.class, accountId.value(), Date.valueOf(from));
        List<Statement.Movement> movements = new ArrayList<>();
        Money[] running = {Money.ofKopecks(opening == null ? 0 : opening)};
        jdbc.query("""
                SELECT sequence, business_date, kind, reference, description, amount_kopecks, recorded_at
                  FROM statement_line
                 WHERE account_id = ? AND business_date BETWEEN ? AND ?
                 ORDER BY business_date, sequence""", rs -> {
            Money amount = Money.ofKopecks(rs.getLong("amount_kopecks"));
            running[0] = running[0].plus(amount);
            MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
            String reference = rs.getString("reference");
            movements.add(new Statement.Movement(rs.getDate("business_date").toLocalDate(), kind, reference,
                    rs.getString("description"), amount, running[0], rs.getLong("sequence"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    kind == MovementKind.CHARGE && timeBarredIds.contains(reference)));
        }, accountId.value(), Date.valueOf(from), Date.valueOf(to));
        return new Statement(accountId, from, to, Money.ofKopecks(opening == null ? 0 : opening), movements,
                running[0], timeBarredOn, timeBarred, timeBarred.stream().map(Statement.TimeBarredCharge::unpaid)
                .reduce(Money.ZERO, Money::plus));
    }

    private List<Statement.TimeBarredCharge> timeBarred(AccountId accountId, LocalDate day) {
        return jdbc.query("""
                SELECT c.charge_id, c.billing_period, c.due_date, c.amount_kopecks - c.paid_kopecks AS unpaid
                  FROM overdue_charge c
                 WHERE c.account_id = ? AND c.paid_kopecks < c.amount_kopecks AND\s""" + TimeBarredSql.CHARGE_TIME_BARRED_ON
                + " ORDER BY c.due_date, c.charge_id", (rs, n) -> {
            LocalDate dueDate = rs.getDate("due_date").toLocalDate();
            return new Statement.TimeBarredCharge(rs.getString("charge_id"), rs.getString("billing_period"), dueDate,
                    Limitation.lastClaimableDay(dueDate), Money.ofKopecks(rs.getLong("unpaid")));
        }, accountId.value(), Date.valueOf(day));
    }

    /**
     * Payments (net of nothing: reversals are separate movements) summed per value date and channel over
     * [from, to]. The channel is the one the projection writes into a payment line's description
     * ("Payment via CHANNEL").
     */
    public List<DailyPayments> paymentsPerDay(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT business_date, substring(description from '^Payment via ([A-Z_]+)') AS channel,
                       -sum(amount_kopecks) AS kopecks, count(*) AS payments
                  FROM statement_line
                 WHERE kind = 'PAYMENT' AND business_date BETWEEN ? AND ?
                 GROUP BY business_date, channel
                 ORDER BY business_date, channel""", (rs, row) -> new DailyPayments(
                rs.getDate("business_date").toLocalDate(), rs.getString("channel"),
                Money.ofKopecks(rs.getLong("kopecks")), rs.getLong("payments")), Date.valueOf(from), Date.valueOf(to));
    }

    /** @param channel the payment channel's name, e.g. BANK_REGISTRY */
    public record DailyPayments(LocalDate date, String channel, Money amount, long payments) {
    }
}
