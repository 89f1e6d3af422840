package ru.utility.ledger.api.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.category.CategoryBook;
import ru.utility.ledger.core.enrolment.EnrolmentBook;
import ru.utility.ledger.core.program.ProgramState;
import ru.utility.ledger.core.debt.DebtLedger;

/**
 * Reads an account's own stream from the event store and folds it with the same {@link DebtLedger} the
 * aggregate decides with, so allocations and penalty explanations are exactly what the account recorded
 * (strongly consistent, unlike the projections).
 */
@Service
public class AccountHistory {

    private final EventStore eventStore;

    public AccountHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty when the account has no events, i.e. does not exist. */
    public Optional<DebtLedger> debts(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(DebtLedger.of(events));
    }

    /** The holder's social categories; empty when the account does not exist. */
    public Optional<CategoryBook> categories(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        return events.isEmpty() ? Optional.empty() : Optional.of(CategoryBook.of(events));
    }

    /** The programmes the account is enrolled in; empty when the account does not exist. */
    public Optional<EnrolmentBook> enrolments(AccountId accountId) {
        List<AccountEvent> events = events(accountId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EnrolmentBook book = new EnrolmentBook();
        events.forEach(book::apply);
        return Optional.of(book);
    }

    /** A relief programme folded from its stream; empty when it was never launched. */
    public Optional<ProgramState> program(ProgramId programId) {
        ProgramState state = ProgramState.initial();
        DomainEventStream stream = eventStore.readEvents(programId.toString(), 0L);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ProgramEvent event) {
                state = state.evolve(event);
            }
        }
        return state.isLaunched() ? Optional.of(state) : Optional.empty();
    }

    private List<AccountEvent> events(AccountId accountId) {
        List<AccountEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(accountId.value(), 0L);
        stream.forEachRemaining(message -> {
            if (message.getPayload() instanceof AccountEvent event) {
                events.add(event);
            }
        });
        return events;
    }
}
