package ru.utility.ledger.projections.feed.contract;

import java.util.List;

/**
 * The unpaid principal of {@code charges} was restructured into {@code schedule}: the charges count as
 * settled and each installment is a debt with its own due date, allocated under its {@code installmentId}
 * like a charge. The schedule sums exactly to the charges; no money moves.
 */
public record InstallmentPlanAgreedV1(String accountId, String planId, String programId, String agreedOn,
                                      int missesBeforeDefault, List<Charge> charges, List<Installment> schedule)
        implements PublicEvent {

    public record Charge(String chargeId, String amount) {
    }

    public record Installment(int number, String installmentId, String dueDate, String amount) {
    }
}
