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

    /** Up to {@code limit} events with a position greater than {@code after}, oldest first, in their first version. */
    public List<FeedEvent> after(long after, int limit, Collection<String> types) {
        return after(after, limit, types, java.util.Map.of());
    }

    /**
     * As above, with the version a consumer asked for per type ({@code versions}: type name to version). An event
     * that has no row in that version (there is none only if the feed was written before the version existed and
     * not back-filled) comes in its first version; the envelope's version always says which.
     */
    public List<FeedEvent> after(long after, int limit, Collection<String> types, java.util.Map<String, Integer> versions) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT f.position, f.event_id, f.event_type, coalesce(v.event_version, f.event_version) AS event_version,
                       f.account_id, f.account_sequence, f.recorded_at, f.correlation_id, coalesce(v.data, f.data) AS data
                  FROM feed_event f
                  LEFT JOIN feed_event_version v ON v.position = f.position AND v.event_version = """);
        if (versions.isEmpty()) {
            sql.append("-1");
        } else {
            sql.append("CASE f.event_type");
            versions.forEach((type, version) -> {
                sql.append(" WHEN ? THEN ?");
                args.add(type);
                args.add(version);
            });
            sql.append(" ELSE -1 END");
        }
        sql.append(" WHERE f.position > ?");
        args.add(after);
        if (types != null && !types.isEmpty()) {
            sql.append(" AND f.event_type = ANY (?)");
            args.add(types.toArray(String[]::new));
        }
        sql.append(" ORDER BY f.position LIMIT ?");
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
