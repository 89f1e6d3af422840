package ru.utility.ledger.projections.feed.contract;

/**
 * The data of one external event type and version: what other systems read from the feed, SSE and Kafka.
 * Fields are plain strings and numbers on purpose (amounts as decimal strings, dates as ISO strings), so
 * that no change to an internal value type or its Jackson annotations can alter the published JSON.
 * Each implementation is pinned by an approval test and listed in docs/reference/events.md.
 */
public interface PublicEvent {

    /** The account the event belongs to; it is the Kafka key and the unit of ordering. */
    String accountId();
}
