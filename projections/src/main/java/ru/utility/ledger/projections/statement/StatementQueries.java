package ru.utility.ledger.projections.statement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;

/** Builds statements from the statements projection, ordered by business date, then by event sequence. */
@Service
public class StatementQueries {

    private final JdbcTemplate jdbc;

    public StatementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opening balance and lines come from one snapshot, so they always add up. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Statement statement(AccountId accountId, LocalDate from, LocalDate to) {
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
            movements.add(new Statement.Movement(rs.getDate("business_date").toLocalDate(),
                    MovementKind.valueOf(rs.getString("kind")), rs.getString("reference"),
                    rs.getString("description"), amount, running[0], rs.getLong("sequence"),
                    rs.getTimestamp("recorded_at").toInstant()));
        }, accountId.value(), Date.valueOf(from), Date.valueOf(to));
        return new Statement(accountId, from, to, Money.ofKopecks(opening == null ? 0 : opening), movements,
                running[0]);
    }
}
