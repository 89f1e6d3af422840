package ru.utility.ledger.api.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.utility.ledger.api.web.FieldError;
import ru.utility.ledger.api.web.InvalidRequestException;
import ru.utility.ledger.projections.feed.contract.PublicEventCatalog;

/** The parsed query of a feed read: where to start, how many, which types (empty = all). */
record FeedRequest(long after, int limit, Set<String> types) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static FeedRequest parse(String after, String lastEventId, String limit, String types) {
        List<FieldError> errors = new ArrayList<>();
        // A reconnecting EventSource sends Last-Event-ID; it wins over the after= of the original URL.
        String start = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        String startField = lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "after";
        long position = 0;
        if (start != null && !start.isBlank()) {
            try {
                position = Long.parseLong(start.strip());
                if (position < 0) {
                    errors.add(new FieldError(startField, "must not be negative"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(startField, "must be a feed position (a whole number)"));
            }
        }
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
                if (size < 1 || size > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (types != null && !types.isBlank()) {
            Set<String> known = PublicEventCatalog.names();
            for (String type : types.split(",")) {
                String name = type.strip();
                if (!known.contains(name)) {
                    errors.add(new FieldError("types", "'" + name + "' is not a published type; known: "
                            + known.stream().sorted().toList()));
                } else {
                    wanted.add(name);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FeedRequest(position, size, Set.copyOf(wanted));
    }
}
