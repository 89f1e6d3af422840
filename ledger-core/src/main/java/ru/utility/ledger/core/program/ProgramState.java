package ru.utility.ledger.core.program;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.EnrolmentReleased;
import ru.utility.ledger.core.api.program.EnrolmentReservation;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ProgramReceipt;
import ru.utility.ledger.core.api.program.Programme;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A relief programme folded from its events; pure and immutable. Readers fold the same events with it.
 *
 * @param launched null until launched
 * @param closed     null while open
 * @param enrolments the live reservations by account (sorted by account id, so snapshots are stable)
 * @param draws      the discounts paid from (or refused by) the budget; linear, see {@link BudgetDraws}
 */
public record ProgramState(ProgramLaunched launched, ProgramClosed closed, Map<AccountId, EnrolmentReserved> enrolments,
                           BudgetDraws draws) implements Programme {

    public ProgramState {
        TreeMap<AccountId, EnrolmentReserved> sorted = new TreeMap<>(Comparator.comparing(AccountId::value));
        if (enrolments != null) {
            sorted.putAll(enrolments);
        }
        enrolments = Collections.unmodifiableMap(sorted);
        draws = draws == null ? new BudgetDraws() : draws;
    }

    public static ProgramState initial() {
        return new ProgramState(null, null, Map.of(), new BudgetDraws());
    }

    public ProgramState evolve(ProgramEvent event) {
        draws.apply(event);
        return switch (event) {
            case ProgramLaunched e -> new ProgramState(e, null, Map.of(), draws);
            case ProgramClosed e -> new ProgramState(launched, e, enrolments, draws);
            case EnrolmentReserved e -> {
                TreeMap<AccountId, EnrolmentReserved> next = new TreeMap<>(Comparator.comparing(AccountId::value));
                next.putAll(enrolments);
                next.put(e.accountId(), e);
                yield new ProgramState(launched, closed, next, draws);
            }
            case EnrolmentReleased e -> {
                TreeMap<AccountId, EnrolmentReserved> next = new TreeMap<>(Comparator.comparing(AccountId::value));
                next.putAll(enrolments);
                next.remove(e.accountId());
                yield new ProgramState(launched, closed, next, draws);
            }
            case BudgetDrawn e -> this;
            case BudgetDrawRefused e -> this;
        };
    }

    public Optional<EnrolmentReserved> enrolment(AccountId accountId) {
        return Optional.ofNullable(enrolments.get(accountId));
    }

    /** Budget committed to live enrolments. */
    @JsonIgnore
    public Money reserved() {
        return enrolments.values().stream().map(EnrolmentReserved::amount).reduce(Money.ZERO, Money::plus);
    }

    /** What the budget still holds after reservations and discounts drawn; null when the programme has no budget. */
    @JsonIgnore
    public Money budgetLeft() {
        return launched.budget() == null ? null : launched.budget().minus(reserved()).minus(draws.total());
    }

    public EnrolmentReservation reservation(EnrolmentReserved e, boolean duplicate) {
        return new EnrolmentReservation(e.programId(), e.accountId(), e.enrolledOn(), e.amount(), launched.kind(),
                launched.eligibility(), launched.parameters(), activeTo(), budgetLeft(), duplicate);
    }

    @Override
    @JsonIgnore
    public Money drawn() {
        return draws.total();
    }

    @Override
    @JsonIgnore
    public int drawsGranted() {
        return draws.grantedCount();
    }

    @Override
    @JsonIgnore
    public int drawsRefused() {
        return draws.refusedCount();
    }

    /** The last day the programme applies: its window's end or the day before it closed. */
    @JsonIgnore
    public LocalDate activeTo() {
        LocalDate end = launched.activeTo();
        if (closed != null) {
            LocalDate lastOpenDay = closed.closedOn().minusDays(1);
            end = end == null || lastOpenDay.isBefore(end) ? lastOpenDay : end;
        }
        return end;
    }

    @JsonIgnore
    public boolean isLaunched() {
        return launched != null;
    }

    @JsonIgnore
    public boolean isClosed() {
        return closed != null;
    }

    @JsonIgnore
    public ProgramId id() {
        return launched == null ? null : launched.programId();
    }

    /** Whether enrolment is open on {@code day}: inside the window and before any closure. */
    public boolean isActiveOn(LocalDate day) {
        return launched != null && !day.isBefore(launched.activeFrom())
                && (launched.activeTo() == null || !day.isAfter(launched.activeTo()))
                && (closed == null || day.isBefore(closed.closedOn()));
    }

    public ProgramReceipt receipt(boolean duplicate) {
        ProgramLaunched l = launched;
        return new ProgramReceipt(l.programId(), l.name(), l.kind(), l.activeFrom(), l.activeTo(), l.eligibility(),
                l.parameters(), l.budget(), closed == null ? null : closed.closedOn(),
                closed == null ? null : closed.reason(), duplicate);
    }
}
