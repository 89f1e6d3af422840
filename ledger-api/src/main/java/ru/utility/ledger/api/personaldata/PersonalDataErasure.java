package ru.utility.ledger.api.personaldata;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.ErasePersonalData;
import ru.utility.ledger.core.api.account.ErasureReceipt;

/**
 * An erasure: the account records it (and refuses a second one), then its data key is deleted and its finished
 * bulk-job lines lose their raw text. The key goes after the event, so an unknown account leaves no trace; a node
 * that stops in between leaves the key, and the retried request (answered 409 PERSONAL_DATA_ERASED) deletes it.
 */
@Component
public class PersonalDataErasure {

    private final LedgerCommands commands;
    private final PersonalDataKeys keys;
    private final JobLineRetention jobLines;
    private final TransactionTemplate transaction;

    public PersonalDataErasure(LedgerCommands commands, PersonalDataKeys keys, JobLineRetention jobLines,
                               TransactionTemplate transaction) {
        this.commands = commands;
        this.keys = keys;
        this.jobLines = jobLines;
        this.transaction = transaction;
    }

    public ErasureReceipt erase(ErasePersonalData command) {
        ErasureReceipt receipt;
        try {
            receipt = commands.send(command);
        } catch (LedgerRuleViolation e) {
            if (e.violationCode() == RuleViolationCode.PERSONAL_DATA_ERASED) {
                complete(command.accountId().value());
            }
            throw e;
        }
        complete(command.accountId().value());
        return receipt;
    }

    private void complete(String accountId) {
        transaction.executeWithoutResult(status -> {
            keys.erase(accountId);
            jobLines.eraseAccount(accountId);
        });
    }
}
