package ru.utility.ledger.api.jobs;

import ru.utility.ledger.core.api.account.AccountCommand;

/**
 * The bulk path's way into the account aggregate: the aggregate's own command handler decides, with no
 * command bus, no unit of work and no transaction of its own. The caller's unit of work holds the account's
 * lock from the load until it ends, stages the events the handler applies (appended at its commit in one
 * multi-row insert with every other account's) and returns the account to the aggregate cache only once
 * that commit succeeded, so the interactive path never decides on state the bulk path has not committed.
 */
public interface AccountDecisions {

    /**
     * Lets the account decide {@code command} inside the current unit of work.
     *
     * @return the handler's receipt
     * @throws org.axonframework.modelling.command.AggregateNotFoundException for an unknown account
     * @throws ru.utility.ledger.core.api.LedgerRuleViolation when the account refuses the command; the account
     *         then recorded nothing, so the caller may go on with other lines in the same unit of work
     * @throws PartialDecisionException when the handler failed after it had applied events: the unit of
     *         work must roll back
     */
    Object decide(AccountCommand command) throws Exception;

    /** A handler failed after applying events; only rolling the whole unit of work back is safe. */
    final class PartialDecisionException extends RuntimeException {
        public PartialDecisionException(String accountId, Throwable cause) {
            super("account " + accountId + " failed after recording events: " + cause, cause);
        }
    }
}
