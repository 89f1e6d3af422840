package ru.utility.ledger.api.feed;

import java.util.List;

import ru.utility.ledger.projections.feed.contract.FeedEvent;

/**
 * @param next the position to pass as {@code after} for the following page: the last event's position, or
 *             the request's {@code after} when nothing newer exists yet
 */
record FeedPage(List<FeedEvent> events, long next) {
}
