package ru.utility.ledger.projections.overdue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ru.utility.ledger.core.api.AccountId;

/**
 * Where a page of the overdue list ended: the last row's sort value and account id, bound to the sort
 * order it was made for. Opaque to clients (base64url).
 */
public record OverdueCursor(OverdueSort sort, boolean descending, long value, AccountId accountId) {

    public String encode() {
        String raw = sort.name() + "|" + (descending ? "desc" : "asc") + "|" + value + "|" + accountId.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is no cursor, or one made for another order */
    public static OverdueCursor decode(String text, OverdueSort sort, boolean descending) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this listing");
        }
        if (parts.length != 4) {
            throw new IllegalArgumentException("is not a cursor returned by this listing");
        }
        if (!parts[0].equals(sort.name()) || !parts[1].equals(descending ? "desc" : "asc")) {
            throw new IllegalArgumentException("was made for another sort order");
        }
        try {
            return new OverdueCursor(sort, descending, Long.parseLong(parts[2]), AccountId.of(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cursor returned by this listing");
        }
    }
}
