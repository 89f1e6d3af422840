package ru.utility.ledger.projections.balance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;

/** Reads the balances projection; eventually consistent with the event store. */
@Service
public class BalanceQueries {

    private final JdbcTemplate jdbc;

    public BalanceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountBalanceView> find(AccountId accountId) {
        return jdbc.query("""
                SELECT account_id, holder_name, region_code, status, opened_on, closed_on, balance_kopecks,
                       charged_kopecks, paid_kopecks, reversed_kopecks, penalties_kopecks, relief_kopecks, corrected_kopecks, charge_count, payment_count,
                       last_sequence, last_event_at
                  FROM account_balance WHERE account_id = ?
                """, BalanceQueries::map, accountId.value()).stream().findFirst();
    }

    /** Ids of the accounts still open, in id order; {@code after} (exclusive) pages through them. */
    public List<AccountId> openAccountIds(AccountId after, int limit) {
        return jdbc.query("""
                SELECT account_id FROM account_balance
                 WHERE status = 'OPEN' AND account_id > ?
                 ORDER BY account_id LIMIT ?
                """, (rs, row) -> AccountId.of(rs.getString(1)), after == null ? "" : after.value(), limit);
    }

    /** The accounts of a region in id order, {@code after} (exclusive) paging through them. */
    public List<AccountBalanceView> inRegion(RegionCode region, AccountId after, int limit) {
        return jdbc.query("""
                SELECT account_id, holder_name, region_code, status, opened_on, closed_on, balance_kopecks,
                       charged_kopecks, paid_kopecks, reversed_kopecks, penalties_kopecks, relief_kopecks, corrected_kopecks, charge_count, payment_count,
                       last_sequence, last_event_at
                  FROM account_balance WHERE region_code = ? AND account_id > ?
                 ORDER BY account_id LIMIT ?
                """, BalanceQueries::map, region.value(), after == null ? "" : after.value(), limit);
    }

    /**
     * What all accounts owe together (positive balances) and hold as credit (negative ones), as the balances
     * projection knows it.
     */
    public Receivables receivables() {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(balance_kopecks) FILTER (WHERE balance_kopecks > 0), 0),
                       count(*) FILTER (WHERE balance_kopecks > 0),
                       coalesce(-sum(balance_kopecks) FILTER (WHERE balance_kopecks < 0), 0),
                       count(*)
                  FROM account_balance
                """, (rs, row) -> new Receivables(Money.ofKopecks(rs.getLong(1)), rs.getLong(2),
                Money.ofKopecks(rs.getLong(3)), rs.getLong(4)));
    }

    /** @param owed the sum of positive balances; {@code credit} the sum of negative ones, as a positive amount */
    public record Receivables(Money owed, long accountsOwing, Money credit, long accounts) {
    }

    private static AccountBalanceView map(ResultSet rs, int row) throws SQLException {
        long paid = rs.getLong("paid_kopecks");
        long reversed = rs.getLong("reversed_kopecks");
        java.sql.Date closedOn = rs.getDate("closed_on");
        return new AccountBalanceView(
                AccountId.of(rs.getString("account_id")),
                rs.getString("holder_name"),
                RegionCode.of(rs.getString("region_code")),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getDate("opened_on").toLocalDate(),
                closedOn == null ? null : closedOn.toLocalDate(),
                Money.ofKopecks(rs.getLong("balance_kopecks")),
                Money.ofKopecks(rs.getLong("charged_kopecks")),
                Money.ofKopecks(paid - reversed),
                Money.ofKopecks(reversed),
                Money.ofKopecks(rs.getLong("penalties_kopecks")),
                Money.ofKopecks(rs.getLong("relief_kopecks")),
                Money.ofKopecks(rs.getLong("corrected_kopecks")),
                rs.getInt("charge_count"),
                rs.getInt("payment_count"),
                rs.getLong("last_sequence"),
                rs.getTimestamp("last_event_at").toInstant());
    }
}
