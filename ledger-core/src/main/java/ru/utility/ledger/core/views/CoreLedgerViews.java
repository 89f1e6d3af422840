package ru.utility.ledger.core.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerViews;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.core.api.asof.RecordedAccountEvent;
import ru.utility.ledger.core.api.category.Categories;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.enrolment.AccountEnrolments;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.Programme;
import ru.utility.ledger.core.asof.AccountAsOf;
import ru.utility.ledger.core.category.CategoryBook;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.enrolment.EnrolmentBook;
import ru.utility.ledger.core.program.ProgramState;

/** The folds the aggregates decide with, behind the read-only views of {@link LedgerViews}. */
public final class CoreLedgerViews implements LedgerViews {

    @Override
    public AccountDebts debts(List<? extends AccountEvent> events) {
        return DebtLedger.of(events);
    }

    @Override
    public Categories categories(List<? extends AccountEvent> events) {
        return CategoryBook.of(events);
    }

    @Override
    public AccountEnrolments enrolments(List<? extends AccountEvent> events) {
        EnrolmentBook book = new EnrolmentBook();
        events.forEach(book::apply);
        return book;
    }

    @Override
    public Optional<Programme> programme(List<? extends ProgramEvent> events) {
        ProgramState state = ProgramState.initial();
        for (ProgramEvent event : events) {
            state = state.evolve(event);
        }
        return state.isLaunched() ? Optional.of(state) : Optional.empty();
    }

    @Override
    public AsOfBalance balanceAsOf(AccountId accountId, List<RecordedAccountEvent> events, LocalDate asOf,
                                   Instant knownAt) {
        return AccountAsOf.balance(accountId, events, asOf, knownAt);
    }
}
