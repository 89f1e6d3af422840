package ru.utility.ledger.api.eventstore;

import java.util.List;

/**
 * The result of recomputing an account's hash chain from its stored rows.
 *
 * @param checked     events examined
 * @param unsealed    leading events stored before the chain existed (no hash to check)
 * @param firstBroken the first event whose stored hash differs from the recomputed one, or whose sequence
 *                    does not follow its predecessor; null when the chain holds
 */
public record IntegrityReport(String accountId, boolean valid, long checked, long unsealed, String headHash,
                              BrokenLink firstBroken) {

    public record BrokenLink(long sequence, String eventId, String reason, String expectedHash, String storedHash) {
    }

    static IntegrityReport of(String accountId, long checked, long unsealed, String headHash, List<BrokenLink> broken) {
        BrokenLink first = broken.isEmpty() ? null : broken.getFirst();
        return new IntegrityReport(accountId, first == null, checked, unsealed, first == null ? headHash : null, first);
    }
}
