package ru.utility.ledger.api.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.projections.balance.BalanceQueries;

/**
 * One command per account for the run endpoints (penalty runs, installment reviews, amnesty reviews): the
 * accounts a request lists, or every open account page by page. An account the rules refuse is listed and
 * the run goes on; anything else (the database gone) fails the request, and the run is safe to repeat
 * because every command it sends is idempotent for its date.
 */
@Component
public class AccountRuns {

    static final int PAGE = 500;
    static final int MAX_LISTED = 1000;

    /** An account the run could not process, with the rule's code and reason. */
    public record Refusal(AccountId accountId, String code, String reason) {
    }

    public record Outcome(int accounts, List<Refusal> refusals) {
    }

    private final LedgerCommands commands;
    private final BalanceQueries balances;

    public AccountRuns(LedgerCommands commands, BalanceQueries balances) {
        this.commands = commands;
        this.balances = balances;
    }

    /**
     * @param listed  the accounts the request lists, or null for every open account
     * @param receipt called with each account's answer
     */
    public <R> Outcome run(List<AccountId> listed, Function<AccountId, Object> command, BiConsumer<AccountId, R> receipt) {
        if (listed != null) {
            return over(listed, command, receipt);
        }
        int accounts = 0;
        List<Refusal> refusals = new ArrayList<>();
        AccountId after = null;
        List<AccountId> page;
        do {
            page = balances.openAccountIds(after, PAGE);
            Outcome outcome = over(page, command, receipt);
            accounts += outcome.accounts();
            refusals.addAll(outcome.refusals());
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == PAGE);
        return new Outcome(accounts, List.copyOf(refusals));
    }

    public <R> Outcome over(Collection<AccountId> accounts, Function<AccountId, Object> command,
                            BiConsumer<AccountId, R> receipt) {
        List<Refusal> refusals = new ArrayList<>();
        for (AccountId id : accounts) {
            try {
                R answer = commands.send(command.apply(id));
                receipt.accept(id, answer);
            } catch (LedgerRuleViolation e) {
                refusals.add(new Refusal(id, e.code(), e.reason()));
            } catch (AggregateNotFoundException e) {
                refusals.add(new Refusal(id, "UNKNOWN_ACCOUNT", "account " + id + " is not known"));
            } catch (ConcurrencyException e) {
                refusals.add(new Refusal(id, "CONCURRENT_MODIFICATION", e.getMessage()));
            }
        }
        return new Outcome(accounts.size(), List.copyOf(refusals));
    }

    /** The request's {@code accountIds}: 1 to 1000 valid ids, repeats dropped, in the order given. */
    public static List<AccountId> accountIds(List<String> raw) {
        if (raw.isEmpty() || raw.size() > MAX_LISTED) {
            throw invalidAccountIds("must list 1 to " + MAX_LISTED + " account ids");
        }
        List<AccountId> ids = new ArrayList<>();
        for (String value : raw) {
            if (value == null) {
                throw invalidAccountIds("must not contain null");
            }
            try {
                ids.add(AccountId.of(value));
            } catch (IllegalArgumentException e) {
                throw invalidAccountIds("'" + value + "' " + e.getMessage());
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static InvalidRequestException invalidAccountIds(String reason) {
        return new InvalidRequestException(List.of(new FieldError("accountIds", reason)));
    }
}
