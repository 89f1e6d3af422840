package ru.utility.ledger.api.feed;

import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.projections.feed.contract.FeedEvent;

/**
 * The feed's JSON is written with its own plain mapper, not the application's, so that a global Jackson
 * setting can never change what consumers receive (the approved envelope in PublicEventJsonTest).
 */
final class FeedJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedJson() {
    }

    static String envelope(FeedEvent event) {
        return JSON.writeValueAsString(event);
    }

    static String page(FeedPage page) {
        return JSON.writeValueAsString(page);
    }
}
