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
 * payload type and revision, payload) plus the stored metadata without its {@code hash} entry. The writer and
 * the verifier both go through {@link #canonical}, so a verification needs nothing but the stored rows.
 *
 * <p>Each event names the scheme it was sealed with in its metadata ({@value #SCHEME_KEY}, covered by the
 * hash), so every link verifies in the form it was written in:
 * <ul>
 * <li>{@value #SCHEME_JCS} (every event written now): the event as one JSON object, payload and metadata
 *     as JSON values, in RFC 8785's canonical form ({@link CanonicalJson}). It depends on the JSON values
 *     only, not on how Jackson or any other serializer spells them.</li>
 * <li>no entry (events sealed before the scheme was named): length-prefixed fields with the payload's stored
 *     bytes and the metadata as Jackson 3 wrote it with sorted keys. Kept only to verify those events.</li>
 * </ul>
 */
public final class EventHashChain {

    /** Metadata key holding the event's chain hash (hex). */
    public static final String HASH_KEY = "hash";

    /** Metadata key naming the canonical form the event's hash was computed over; absent for the first form. */
    public static final String SCHEME_KEY = "hashScheme";

    /** RFC 8785 (JSON Canonicalization Scheme) over the whole event. */
    public static final String SCHEME_JCS = "jcs";

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

    /**
     * The bytes hashed for {@code event}, in the form its metadata names. An event whose stored payload or
     * metadata is not JSON, or names a scheme this code does not know, has none: IllegalArgumentException.
     */
    static byte[] canonical(StoredEvent event) {
        JsonNode metaData = metaDataWithoutHash(event.metaData());
        JsonNode scheme = metaData == null ? null : metaData.get(SCHEME_KEY);
        if (scheme == null) {
            return legacyCanonical(event, metaData);
        }
        if (scheme.isString() && SCHEME_JCS.equals(scheme.asString())) {
            return jcsCanonical(event);
        }
        throw new IllegalArgumentException("unknown hash scheme " + scheme + " in event "
                + event.eventIdentifier());
    }

    /** RFC 8785 over one object of the stored columns; the payload and metadata as JSON values, not bytes. */
    private static byte[] jcsCanonical(StoredEvent event) {
        ObjectNode object = JSON.createObjectNode();
        object.put("eventIdentifier", event.eventIdentifier());
        object.put("aggregateIdentifier", event.aggregateIdentifier());
        object.put("sequenceNumber", event.sequenceNumber());
        object.put("type", event.type());
        object.put("timeStamp", event.timeStamp());
        object.put("payloadType", event.payloadType());
        object.put("payloadRevision", event.payloadRevision());
        object.set("payload", event.payload() == null ? null : CanonicalJson.read(event.payload()));
        // Read again refusing duplicate names, which the lenient read above would have resolved silently.
        JsonNode strict = CanonicalJson.read(event.metaData());
        ((ObjectNode) strict).remove(HASH_KEY);
        object.set("metaData", strict);
        return CanonicalJson.canonicalize(object);
    }

    /** The first form: length-prefixed fields, so no two different events share a canonical form. */
    private static byte[] legacyCanonical(StoredEvent event, JsonNode metaData) {
        List<byte[]> fields = new ArrayList<>();
        fields.add(utf8(event.eventIdentifier()));
        fields.add(utf8(event.aggregateIdentifier()));
        fields.add(utf8(Long.toString(event.sequenceNumber())));
        fields.add(utf8(event.type()));
        fields.add(utf8(event.timeStamp()));
        fields.add(utf8(event.payloadType()));
        fields.add(utf8(event.payloadRevision()));
        fields.add(event.payload() == null ? new byte[0] : event.payload());
        fields.add(metaData == null ? new byte[0] : JSON.writeValueAsBytes(sorted(metaData)));
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

    /** The stored metadata without the hash itself; null when none was stored. */
    private static JsonNode metaDataWithoutHash(byte[] metaData) {
        if (metaData == null || metaData.length == 0) {
            return null;
        }
        JsonNode node = JSON.readTree(metaData);
        if (node instanceof ObjectNode object) {
            object.remove(HASH_KEY);
        }
        return node;
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
