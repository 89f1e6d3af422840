package ru.utility.ledger.projections.feed.contract;

import java.util.List;

/**
 * A PENALTY_AMNESTY programme wrote off {@code amount} of the account's accrued, unpaid penalties on
 * {@code writtenOffOn}, earned by paying the billing months {@code earnedBy} in full by their due dates;
 * {@code amount} lowers the balance. {@code accruedPenalties} is all penalty accrued on the account then.
 */
public record PenaltiesWrittenOffV1(String accountId, String programId, String amount, String writtenOffOn,
                                    List<String> earnedBy, String accruedPenalties) implements PublicEvent {
}
