package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;
import java.util.List;

/**
 * A PENALTY_AMNESTY programme wrote off the account's accrued, unpaid penalties: the balance falls by
 * {@code amount} (penalties forgone). Penalties already paid stay paid; later accruals never post these
 * kopecks again (docs/contributing/architecture.md, "Penalty amnesty").
 *
 * @param writtenOffOn     the business date of the review that earned it
 * @param earnedBy         the consecutive billing months paid in full by their due dates that met the condition
 * @param accruedPenalties all penalties accrued on the account when written off (the amount's base)
 */
@Revision("1")
public record PenaltiesWrittenOff(AccountId accountId, ProgramId programId, Money amount, LocalDate writtenOffOn,
                                  List<BillingPeriod> earnedBy, Money accruedPenalties) implements AccountEvent {

    // Immutable like every event: one deserialised event is shared by all its readers (SharedDeserialisation).
    public PenaltiesWrittenOff {
        earnedBy = earnedBy == null ? List.of() : List.copyOf(earnedBy);
    }
}
