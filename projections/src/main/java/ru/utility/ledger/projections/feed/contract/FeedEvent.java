package ru.utility.ledger.projections.feed.contract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The envelope of every published event, the same on HTTP, SSE and Kafka.
 *
 * @param position        dense and gap-free feed position, in the order the ledger committed the events
 * @param eventId         unique per event; a consumer that sees an id twice has seen the same event
 * @param type            the public type name (see docs/reference/events.md)
 * @param version         the version of {@code data}'s shape for this type
 * @param accountSequence the event's number on its account's stream (0 for the opening)
 * @param recordedAt      when the ledger recorded the event, ISO-8601 UTC
 * @param correlationId   the request or job that caused it, when known
 * @param data            the type's data, a JSON object
 */
@JsonPropertyOrder({"position", "eventId", "type", "version", "accountId", "accountSequence", "recordedAt",
        "correlationId", "data"})
public record FeedEvent(long position, String eventId, String type, int version, String accountId,
                        long accountSequence, String recordedAt, String correlationId,
                        @JsonRawValue String data) {
}
