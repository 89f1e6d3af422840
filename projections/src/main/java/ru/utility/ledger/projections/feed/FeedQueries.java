package ru.utility.ledger.projections.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.utility.ledger.projections.feed.contract.FeedEvent;

/** Reads the feed in position order, optionally only some types. */
@Component
public class FeedQueries {

    private final JdbcTemplate jdbc;

    public FeedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events with a position greater than {@code after}, oldest first. */
    public List<FeedEvent> after(long after, int limit, Collection<String> types) {
        StringBuilder sql = new StringBuilder("""
                SELECT position, event_id, event_type, event_version, account_id, account_sequence, recorded_at,
                       correlation_id, data
                  FROM feed_event WHERE position > ?""");
        List<Object> args = new ArrayList<>();
        args.add(after);
        if (types != null && !types.isEmpty()) {
            sql.append(" AND event_type = ANY (?)");
            args.add(types.toArray(String[]::new));
        }
        sql.append(" ORDER BY position LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), FeedQueries::row, args.toArray());
    }

    /** The newest position, 0 for an empty feed. */
    public long lastPosition() {
        Long last = jdbc.queryForObject("SELECT COALESCE(max(position), 0) FROM feed_event", Long.class);
        return last == null ? 0 : last;
    }

    private static FeedEvent row(ResultSet rs, int rowNum) throws SQLException {
        return new FeedEvent(rs.getLong("position"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getInt("event_version"), rs.getString("account_id"), rs.getLong("account_sequence"),
                rs.getTimestamp("recorded_at").toInstant().toString(), rs.getString("correlation_id"),
                rs.getString("data"));
    }
}
