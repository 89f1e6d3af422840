package ru.utility.ledger.api.eventstore;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One stored event as an auditor reads it: the payload and metadata exactly as stored (no upcasting), so
 * what is shown is what is hashed.
 *
 * @param type     the payload's simple type name, e.g. {@code PaymentRecorded}
 * @param hash     the event's chain hash, null for an event stored before the chain existed
 */
public record StoredEventRecord(String eventId, long sequence, String type, String payloadType,
                                String revision, Instant recordedAt, String actor, String correlationId,
                                String requestId, String hash, JsonNode payload) {
}
