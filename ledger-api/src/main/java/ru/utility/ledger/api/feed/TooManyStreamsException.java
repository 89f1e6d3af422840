package ru.utility.ledger.api.feed;

/** A user already holds ledger.feed.max-streams-per-user streams on this node: answered 429. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(String user, int limit) {
        super("user " + user + " already holds " + limit + " feed streams on this node (ledger.feed.max-streams-per-user); "
                + "close one or follow the feed with a single stream");
    }
}
