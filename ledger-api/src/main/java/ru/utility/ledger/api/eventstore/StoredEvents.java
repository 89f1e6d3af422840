package ru.utility.ledger.api.eventstore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.core.api.AccountId;

/**
 * Reads an account's stored events straight from {@code domain_event_entry}: history pages, the streamed
 * JSON-lines export and the integrity check. Pages are keyset on the sequence number, so neither a long
 * history nor an export ever sits in memory at once.
 */
@Service
public class StoredEvents {

    private static final int EXPORT_BATCH = 500;
    private static final String COLUMNS = """
            global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
            payload_revision, payload, meta_data""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(AccountId accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ?)",
                Boolean.class, accountId.value()));
    }

    /** Events with sequence at or after {@code fromSequence}, at most {@code limit}, in sequence order. */
    public List<StoredEventRecord> page(AccountId accountId, long fromSequence, int limit) {
        return rows(accountId, fromSequence, limit).stream().map(this::toRecord).toList();
    }

    /** Writes every event of the account as one JSON object per line, reading a batch at a time. */
    public void export(AccountId accountId, OutputStream out) throws IOException {
        long from = 0;
        while (true) {
            List<EventHashChain.StoredEvent> batch = rows(accountId, from, EXPORT_BATCH);
            for (EventHashChain.StoredEvent row : batch) {
                out.write(json.writeValueAsBytes(toRecord(row)));
                out.write('\n');
            }
            out.flush();
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            from = batch.getLast().sequenceNumber() + 1;
        }
    }

    /** Recomputes the chain from the stored rows and names the first link that does not hold. */
    public IntegrityReport verify(AccountId accountId) {
        List<IntegrityReport.BrokenLink> broken = new ArrayList<>();
        long checked = 0;
        long unsealed = 0;
        long expectedSequence = 0;
        byte[] previous = EventHashChain.GENESIS;
        boolean sealedSeen = false;
        String head = null;
        long from = 0;
        while (broken.isEmpty()) {
            List<EventHashChain.StoredEvent> batch = rows(accountId, from, EXPORT_BATCH);
            for (EventHashChain.StoredEvent row : batch) {
                checked++;
                String stored = EventHashChain.storedHash(row.metaData());
                if (row.sequenceNumber() != expectedSequence) {
                    broken.add(new IntegrityReport.BrokenLink(row.sequenceNumber(), row.eventIdentifier(),
                            "sequence " + row.sequenceNumber() + " follows " + (expectedSequence - 1)
                                    + ": events are missing", null, stored));
                    break;
                }
                expectedSequence++;
                if (stored == null) {
                    if (sealedSeen) {
                        broken.add(new IntegrityReport.BrokenLink(row.sequenceNumber(), row.eventIdentifier(),
                                "the event carries no hash although its predecessors do", null, null));
                        break;
                    }
                    unsealed++;
                    continue;
                }
                sealedSeen = true;
                String expected;
                try {
                    expected = EventHashChain.hex(EventHashChain.hash(previous, row));
                } catch (IllegalArgumentException | JacksonException e) {
                    broken.add(new IntegrityReport.BrokenLink(row.sequenceNumber(), row.eventIdentifier(),
                            "the event's stored content has no canonical form: " + e.getMessage(), null, stored));
                    break;
                }
                if (!expected.equals(stored)) {
                    broken.add(new IntegrityReport.BrokenLink(row.sequenceNumber(), row.eventIdentifier(),
                            "the stored hash does not match the event's content and its predecessor's hash",
                            expected, stored));
                    break;
                }
                previous = EventHashChain.unhex(stored);
                head = stored;
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            from = batch.getLast().sequenceNumber() + 1;
        }
        return IntegrityReport.of(accountId.value(), checked, unsealed, head, broken);
    }

    private List<EventHashChain.StoredEvent> rows(AccountId accountId, long fromSequence, int limit) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number >= ?
                ORDER BY sequence_number LIMIT ?""", StoredEvents::map, accountId.value(), fromSequence, limit);
    }

    private static EventHashChain.StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new EventHashChain.StoredEvent(rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("type"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    private StoredEventRecord toRecord(EventHashChain.StoredEvent row) {
        JsonNode meta = row.metaData() == null ? json.createObjectNode() : json.readTree(row.metaData());
        String payloadType = row.payloadType();
        return new StoredEventRecord(row.eventIdentifier(), row.sequenceNumber(),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType, row.payloadRevision(),
                DateTimeUtils.parseInstant(row.timeStamp()), text(meta, "actor"), text(meta, "correlationId"),
                text(meta, "requestId"), text(meta, EventHashChain.HASH_KEY),
                json.readTree(new String(row.payload(), StandardCharsets.UTF_8)));
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
