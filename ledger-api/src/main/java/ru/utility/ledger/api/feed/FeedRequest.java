package ru.utility.ledger.api.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.projections.feed.contract.PublicEventCatalog;

/**
 * The parsed query of a feed read: where to start, how many, which types (empty = all), and which version of a type
 * the consumer reads where it is not version 1 (type name to version).
 */
record FeedRequest(long after, int limit, Set<String> types, java.util.Map<String, Integer> versions) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static FeedRequest parse(String after, String lastEventId, String limit, String types) {
        return parse(after, lastEventId, limit, types, null);
    }

    static FeedRequest parse(String after, String lastEventId, String limit, String types, String versions) {
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
        java.util.Map<String, Integer> chosen = new java.util.LinkedHashMap<>();
        if (versions != null && !versions.isBlank()) {
            java.util.Map<String, Set<Integer>> published = PublicEventCatalog.versions();
            for (String item : versions.split(",")) {
                String[] parts = item.strip().split(":", -1);
                Set<Integer> known = parts.length == 2 ? published.get(parts[0].strip()) : null;
                Integer version = null;
                try {
                    version = parts.length == 2 ? Integer.valueOf(parts[1].strip()) : null;
                } catch (NumberFormatException e) {
                    // reported below
                }
                if (known == null || version == null || !known.contains(version)) {
                    errors.add(new FieldError("versions", "'" + item.strip() + "' is not Type:version of a published "
                            + "version; known: " + published.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .filter(e -> e.getValue().size() > 1).map(e -> e.getKey() + ":" + e.getValue().stream()
                                    .sorted().toList()).toList()));
                } else if (chosen.put(parts[0].strip(), version) != null) {
                    errors.add(new FieldError("versions", "names " + parts[0].strip() + " twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FeedRequest(position, size, Set.copyOf(wanted), java.util.Map.copyOf(chosen));
    }
}
