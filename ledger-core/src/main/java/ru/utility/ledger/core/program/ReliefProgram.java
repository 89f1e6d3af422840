package ru.utility.ledger.core.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.DrawBudget;
import ru.utility.ledger.core.api.program.EnrolmentReservation;
import ru.utility.ledger.core.api.program.EnrolmentReleased;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.program.ReleaseEnrolment;
import ru.utility.ledger.core.api.program.ReserveEnrolment;
import ru.utility.ledger.core.api.program.CloseProgram;
import ru.utility.ledger.core.api.program.LaunchProgram;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ProgramReceipt;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A relief programme: its kind, window, eligibility, parameters and budget. */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReliefProgram {

    @AggregateIdentifier
    private ProgramId id;

    private ProgramState state = ProgramState.initial();

    protected ReliefProgram() {
    }

    /** An identical repeat returns the programme; the same id with other content is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ProgramReceipt handle(LaunchProgram command) {
        ProgramLaunched event = new ProgramLaunched(command.programId(), command.name(), command.kind(),
                command.activeFrom(), command.activeTo(), command.eligibility(), command.parameters(), command.budget());
        if (state.isLaunched()) {
            if (!state.launched().equals(event)) {
                throw LedgerRuleViolation.of(RuleViolationCode.PROGRAM_EXISTS,
                        "programId", "programme " + command.programId().value()
                        + " was already launched with different content");
            }
            return state.receipt(true);
        }
        apply(event);
        return state.receipt(false);
    }

    /** A repeat with the same reason returns the closed programme. */
    @CommandHandler
    public ProgramReceipt handle(CloseProgram command) {
        if (state.isClosed()) {
            if (!Objects.equals(state.closed().reason(), command.reason())) {
                throw LedgerRuleViolation.of(RuleViolationCode.PROGRAM_CLOSED,
                        null, "programme " + id.value() + " was already closed on "
                        + state.closed().closedOn() + ": " + state.closed().reason());
            }
            return state.receipt(true);
        }
        if (command.closedOn().isBefore(state.launched().activeFrom())) {
            throw LedgerRuleViolation.of(RuleViolationCode.CLOSE_BEFORE_START,
                    "closedOn", "closedOn " + command.closedOn()
                    + " is before the programme starts on " + state.launched().activeFrom());
        }
        apply(new ProgramClosed(id, command.closedOn(), command.reason()));
        return state.receipt(false);
    }

    /**
     * One live enrolment per account: an identical repeat returns it, another date or amount is a
     * conflict. The budget check and the reservation happen in one aggregate, so Axon's per-aggregate
     * locking and the event store's sequence constraint make concurrent reservations serial.
     */
    @CommandHandler
    public EnrolmentReservation handle(ReserveEnrolment command) {
        var existing = state.enrolment(command.accountId());
        if (existing.isPresent()) {
            EnrolmentReserved e = existing.get();
            if (e.enrolledOn().equals(command.enrolledOn()) && e.amount().equals(command.amount())) {
                return state.reservation(e, true);
            }
            throw LedgerRuleViolation.of(RuleViolationCode.ALREADY_ENROLLED,
                    "accountId", "account " + command.accountId() + " is already enrolled in "
                    + id.value() + " since " + e.enrolledOn());
        }
        if (!state.isActiveOn(command.enrolledOn())) {
            throw LedgerRuleViolation.of(RuleViolationCode.OUTSIDE_PROGRAMME_WINDOW,
                    "enrolledOn", "programme " + id.value()
                    + " takes enrolments from " + state.launched().activeFrom()
                    + (state.activeTo() == null ? "" : " to " + state.activeTo()) + ", not on " + command.enrolledOn());
        }
        Money left = state.budgetLeft();
        if (left != null && command.amount().minus(left).isPositive()) {
            throw LedgerRuleViolation.of(RuleViolationCode.BUDGET_EXHAUSTED,
                    "programId", "programme " + id.value() + " has " + left
                    + " of its budget left; this enrolment needs " + command.amount());
        }
        EnrolmentReserved event = new EnrolmentReserved(id, command.accountId(), command.enrolledOn(), command.amount());
        apply(event);
        return state.reservation(event, false);
    }

    @CommandHandler
    public Money handle(ReleaseEnrolment command) {
        EnrolmentReserved e = state.enrolment(command.accountId()).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.NOT_ENROLLED, "accountId",
                "account " + command.accountId() + " holds no enrolment in " + id.value()));
        apply(new EnrolmentReleased(id, command.accountId(), e.amount(), command.reason()));
        return e.amount();
    }

    /**
     * Pays one discount from the budget, or records why not: the budget's single writer decides, so
     * concurrent claims from many accounts are serialised here and can never overspend it. A repeated draw
     * id gets the recorded answer and records nothing; a claim dated on or after the closure (or outside
     * the window) is refused, so a charge posted before the closure reached the account gets nothing either.
     *
     * @return true when the discount is (or was) paid
     */
    @CommandHandler
    public boolean handle(DrawBudget command) {
        var decided = state.draws().decision(command.accountId(), command.drawId());
        if (decided.isPresent()) {
            ProgramEvent recorded = decided.get();
            Money amount = recorded instanceof BudgetDrawn d ? d.amount() : ((BudgetDrawRefused) recorded).amount();
            if (!amount.equals(command.amount())) {
                throw LedgerRuleViolation.of(RuleViolationCode.IDEMPOTENCY_CONFLICT, "drawId", "draw "
                        + command.drawId() + " was already decided for " + amount + ", not " + command.amount());
            }
            return recorded instanceof BudgetDrawn;
        }
        String code = null;
        String reason = null;
        Money left = state.budgetLeft();
        if (state.enrolment(command.accountId()).isEmpty()) {
            code = RuleViolationCode.NOT_ENROLLED.name();
            reason = "account " + command.accountId() + " holds no enrolment in " + id.value();
        } else if (!state.isActiveOn(command.claimedOn())) {
            code = RuleViolationCode.OUTSIDE_PROGRAMME_WINDOW.name();
            reason = "programme " + id.value() + " applies from " + state.launched().activeFrom()
                    + (state.activeTo() == null ? "" : " to " + state.activeTo()) + ", not on " + command.claimedOn()
                    + (state.isClosed() ? " (closed on " + state.closed().closedOn() + ")" : "");
        } else if (left != null && command.amount().minus(left).isPositive()) {
            code = RuleViolationCode.BUDGET_EXHAUSTED.name();
            reason = "programme " + id.value() + " has " + left + " of its budget left; the discount needs "
                    + command.amount();
        }
        if (code != null) {
            apply(new BudgetDrawRefused(id, command.accountId(), command.chargeId(), command.drawId(), command.amount(),
                    command.claimedOn(), code, reason));
            return false;
        }
        apply(new BudgetDrawn(id, command.accountId(), command.chargeId(), command.drawId(), command.amount(),
                command.claimedOn(), left == null ? null : left.minus(command.amount())));
        return true;
    }

    @EventSourcingHandler
    void on(ProgramEvent event) {
        state = state.evolve(event);
        id = state.id();
    }
}
