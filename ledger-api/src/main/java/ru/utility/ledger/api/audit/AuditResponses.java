package ru.utility.ledger.api.audit;

import java.util.List;

import ru.utility.ledger.api.eventstore.StoredEventRecord;
import ru.utility.ledger.core.api.AccountId;

/** Response bodies of the audit endpoints ({@link AuditController}). */
public final class AuditResponses {

    private AuditResponses() {
    }

    /** @param nextFromSequence pass as {@code fromSequence} for the next page; null on the last page */
    public record EventPage(AccountId accountId, List<StoredEventRecord> events, Long nextFromSequence) {
    }
}
