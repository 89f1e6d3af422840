package ru.utility.ledger.api.enrolment;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.program.EnrolmentReservation;
import ru.utility.ledger.core.api.program.ReleaseEnrolment;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReserveEnrolment;
import ru.utility.ledger.core.api.program.Programme;
import ru.utility.ledger.core.api.debt.OpenDebt;

import java.time.LocalDate;

/**
 * Enrols an account in a relief programme across the two aggregates, in the caller's request:
 * <ol>
 *   <li>the programme reserves the enrolment (window, closure, budget: it is the budget's single writer);</li>
 *   <li>the account checks eligibility on the enrolment day and records the enrolment (and, for
 *       COMPENSATION, the credit the programme reserved);</li>
 *   <li>if the account refuses, the programme releases the reservation, and the caller gets the
 *       account's reason.</li>
 * </ol>
 * Each step is idempotent, so a retried request after a crash between steps completes the enrolment
 * (or releases it) instead of reserving twice. Why this is a synchronous process and not a saga:
 * docs/contributing/architecture.md, "Relief enrolment".
 */
@Component
public class EnrolmentProcess {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentProcess.class);

    private final LedgerCommands commands;
    private final AccountHistory history;

    public EnrolmentProcess(LedgerCommands commands, AccountHistory history) {
        this.commands = commands;
        this.history = history;
    }

    public EnrolmentReceipt enrol(ProgramId programId, AccountId accountId, LocalDate enrolledOn) {
        Programme programme = history.program(programId).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_PROGRAM, "programId", "programme " + programId.value() + " is not known"));
        ReliefKind kind = programme.launched().kind();
        if (kind == ReliefKind.PENALTY_MORATORIUM) {
            throw LedgerRuleViolation.of(RuleViolationCode.NO_ENROLMENT_NEEDED, "programId", "programme "
                    + programId.value() + " is a PENALTY_MORATORIUM: it applies to every account in its window"
                    + " without enrolment");
        }
        var debts = history.debts(accountId).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_ACCOUNT, "accountId", "account " + accountId + " does not exist"));
        Money amount = Money.ZERO;
        if (kind == ReliefKind.COMPENSATION) {
            // A repeat must reserve the same amount as the first attempt, whatever was paid since.
            amount = programme.enrolment(accountId).map(e -> e.amount()).orElseGet(() -> debts.openDebts().stream()
                    .map(OpenDebt::outstanding).reduce(Money.ZERO, Money::plus)
                    .percent(programme.launched().parameters().percent()));
        }
        EnrolmentReservation reservation;
        try {
            reservation = commands.send(new ReserveEnrolment(programId, accountId, enrolledOn, amount));
        } catch (AggregateNotFoundException e) {
            throw LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PROGRAM,
                    "programId", "programme " + programId.value()
                    + " is not known");
        }
        try {
            return commands.send(new EnrolInProgramme(accountId, programId, reservation.kind(),
                    reservation.eligibility(), reservation.parameters().percent(), reservation.enrolledOn(),
                    reservation.activeTo(), reservation.amount(),
                    // A budgeted DISCOUNT programme pays each discount from its budget (ReliefEnrolmentSaga).
                    reservation.budgetLeft() != null));
        } catch (LedgerRuleViolation refused) {
            release(programId, accountId, refused.reason());
            throw refused;
        } catch (AggregateNotFoundException e) {
            release(programId, accountId, "account does not exist");
            throw LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_ACCOUNT,
                    "accountId", "account " + accountId + " does not exist");
        }
    }

    private void release(ProgramId programId, AccountId accountId, String reason) {
        Money released = commands.send(new ReleaseEnrolment(programId, accountId, reason));
        log.info("Released the enrolment of {} in {} ({} back to the budget): {}", accountId, programId.value(),
                released, reason);
    }
}
