package ru.utility.ledger.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;
import ru.utility.ledger.core.api.category.Categories;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.enrolment.AccountEnrolments;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.Programme;

/**
 * The door for readers outside the core: folds an aggregate's recorded events into read-only views with the
 * same code the aggregates decide with. The application's wiring supplies the implementation.
 */
public interface LedgerViews {

    /** @param events an account's events in sequence order */
    AccountDebts debts(List<? extends AccountEvent> events);

    Categories categories(List<? extends AccountEvent> events);

    AccountEnrolments enrolments(List<? extends AccountEvent> events);

    /** Empty when the events never launched the programme. */
    Optional<Programme> programme(List<? extends ProgramEvent> events);

    /**
     * The account on business date {@code asOf} as known at {@code knownAt} (null: everything recorded).
     *
     * @param events the account's events in sequence order
     */
    AsOfBalance balanceAsOf(AccountId accountId, List<RecordedAccountEvent> events, LocalDate asOf, Instant knownAt);
}
