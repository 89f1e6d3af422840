package ru.utility.ledger.api.overdue;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.projections.overdue.RestrictionCandidate;

/** Response bodies of the restriction endpoints ({@link RestrictionController}). */
public final class RestrictionResponses {

    private RestrictionResponses() {
    }

    /**
     * @param moratorium the moratorium covering {@code asOf}, when one does: then no account is a candidate
     * @param nextAfter  pass as {@code after} for the next page; null on the last page
     */
    public record CandidatesResponse(LocalDate asOf, Moratorium moratorium, List<RestrictionCandidate> candidates,
                                     AccountId nextAfter) {
    }
}
