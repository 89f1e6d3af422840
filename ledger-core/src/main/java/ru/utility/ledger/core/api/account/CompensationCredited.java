package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

/**
 * A COMPENSATION programme paid the account from its budget. It lowers the balance and is allocated like
 * a payment under {@code creditId}.
 *
 * @param creditId the allocation key: {@code RELIEF:<programId>}
 */
@Revision("1")
public record CompensationCredited(AccountId accountId, ProgramId programId, PaymentId creditId, Money amount,
                                   LocalDate creditedOn) implements AccountEvent {

    public static PaymentId creditIdFor(ProgramId programId) {
        return PaymentId.of("RELIEF:" + programId.value());
    }
}
