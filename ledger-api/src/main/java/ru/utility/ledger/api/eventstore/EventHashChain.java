package ru.utility.ledger.api.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account chain: {@code hash = SHA-256(previous hash ‖ canonical event)}. The canonical event is built
 * from exactly the column values that are stored (identifier, aggregate, sequence, type, time stamp text,
 * payload type and revision, payload bytes) plus the stored metadata without its {@code hash} entry,
 * rendered as JSON with sorted keys. The writer and the verifier both go through {@link #canonical}, so a
 * verification needs nothing but the stored rows.
 */
public final class EventHashChain {

    /** Metadata key holding the event's chain hash (hex). */
    public static final String HASH_KEY = "hash";

    /** The "previous hash" of an account's first sealed event. */
    public static final byte[] GENESIS = new byte[32];

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventHashChain() {
    }

    /** The stored columns of one event, as the chain sees them. */
    public record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                              String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData) {
    }

    public static byte[] hash(byte[] previous, StoredEvent event) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(canonical(event));
        return sha.digest();
    }

    /** Length-prefixed fields, so no two different events share a canonical form. */
    static byte[] canonical(StoredEvent event) {
        List<byte[]> fields = new ArrayList<>();
        fields.add(utf8(event.eventIdentifier()));
        fields.add(utf8(event.aggregateIdentifier()));
        fields.add(utf8(Long.toString(event.sequenceNumber())));
        fields.add(utf8(event.type()));
        fields.add(utf8(event.timeStamp()));
        fields.add(utf8(event.payloadType()));
        fields.add(utf8(event.payloadRevision()));
        fields.add(event.payload() == null ? new byte[0] : event.payload());
        fields.add(canonicalMetaData(event.metaData()));
        int size = fields.stream().mapToInt(f -> f.length + 4).sum();
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            buffer.putInt(field.length).put(field);
        }
        return buffer.array();
    }

    /** The hash recorded in stored metadata, or null when the event was stored without one. */
    public static String storedHash(byte[] metaData) {
        if (metaData == null || metaData.length == 0) {
            return null;
        }
        JsonNode node = JSON.readTree(metaData);
        JsonNode hash = node.get(HASH_KEY);
        return hash == null || hash.isNull() ? null : hash.asString();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] canonicalMetaData(byte[] metaData) {
        if (metaData == null || metaData.length == 0) {
            return new byte[0];
        }
        JsonNode node = JSON.readTree(metaData);
        if (node instanceof ObjectNode object) {
            object.remove(HASH_KEY);
        }
        return JSON.writeValueAsBytes(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> copy.set(e.getKey(), sorted(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }

    private static byte[] utf8(String value) {
        return value == null ? new byte[] {(byte) 0xFF} : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
