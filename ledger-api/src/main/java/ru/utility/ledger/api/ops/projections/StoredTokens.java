package ru.utility.ledger.api.ops.projections;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The token table as every node sees it: each segment's position, owner and last claim, whichever node
 * processes it. A node's own processor only knows the segments it has claimed, so a status built from it alone
 * shows nothing on a node that holds no segment.
 */
@Component
public class StoredTokens {

    /**
     * @param owner     the node that claims the segment, null when released
     * @param claimedAt when the owner last stored or extended its claim (the ledger's clock, as Axon's)
     */
    public record Segment(String processor, int segment, String owner, Instant claimedAt, TrackingToken token) {

        public Long position() {
            if (token == null) {
                return null;
            }
            OptionalLong position = token.position();
            return position.isPresent() ? position.getAsLong() : -1L;
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<Segment> of(String processor) {
        return jdbc.query("SELECT processor_name, segment, owner, timestamp, token, token_type FROM token_entry"
                + " WHERE processor_name = ? ORDER BY segment", (rs, n) -> {
            byte[] bytes = rs.getBytes("token");
            String type = rs.getString("token_type");
            TrackingToken token = bytes == null || type == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
            String stamp = rs.getString("timestamp");
            return new Segment(rs.getString("processor_name"), rs.getInt("segment"), rs.getString("owner"),
                    stamp == null ? null : DateTimeUtils.parseInstant(stamp), token);
        }, processor);
    }

    /** The lowest position every segment has reached; null while the processor has no segment stored. */
    public static Long position(List<Segment> segments) {
        Long lowest = null;
        for (Segment segment : segments) {
            Long position = segment.position();
            long value = position == null ? -1 : position;
            lowest = lowest == null ? value : Math.min(lowest, value);
        }
        return lowest;
    }
}
