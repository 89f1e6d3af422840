package ru.utility.ledger.api.program;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

/** Response bodies of the amnesty endpoints ({@link AmnestyController}). */
public final class AmnestyResponses {

    private AmnestyResponses() {
    }

    /**
     * @param writtenOff the accounts whose penalties were written off by this run
     * @param skipped    the others, each with the code and reason the account gave
     */
    public record AmnestyRunResponse(ProgramId programId, LocalDate asOf, int accounts, int accountsWrittenOff,
                                     Money totalWrittenOff, List<WrittenOff> writtenOff, List<AccountRuns.Refusal> skipped) {

        public record WrittenOff(AccountId accountId, Money amount, Money penaltyPosted, List<BillingPeriod> earnedBy) {
        }
    }
}
