package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.CorrectionId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.ChargeCorrected;
import ru.utility.ledger.core.api.account.ChargeCorrectionReceipt;
import ru.utility.ledger.core.api.account.CorrectCharge;
import ru.utility.ledger.core.api.debt.ChargeDebt;
import ru.utility.ledger.core.debt.DebtLedger;
import ru.utility.ledger.core.rules.DueDateRules;

import java.time.LocalDate;
import java.util.Objects;

import static ru.utility.ledger.core.account.Violations.requireNotAfter;

/**
 * The account's decisions on charge corrections (перерасчёт), kept out of Account so the aggregate only delegates:
 * either a repeat's receipt or the event to record; a broken rule throws LedgerRuleViolation.
 */
final class ChargeCorrections {

    private ChargeCorrections() {
    }

    record Decision(ChargeCorrectionReceipt repeat, ChargeCorrected event) {
    }

    /**
     * @param requireOpen checks the account is open; called after a repeat has been answered, so a retry gets the
     *                    first attempt's answer even on an account closed since
     */
    static Decision correct(AccountId id, AccountState state, CorrectCharge command, LocalDate today,
                            DueDateRules dueDateRules, Runnable requireOpen) {
        DebtLedger debts = state.debts();
        var recorded = debts.correction(command.correctionId());
        if (recorded.isPresent()) {
            if (!sameContent(recorded.get(), command)) {
                throw Violations.idempotencyConflict("correctionId", command.correctionId(), "correction");
            }
            return new Decision(receipt(id, state, recorded.get(), true), null);
        }
        if (debts.charge(command.correctionId().debtId()).isPresent()) {
            // An increase is owed under its correction id, so the id may not be another debt's.
            throw Violations.idempotencyConflict("correctionId", command.correctionId(), "charge");
        }
        requireOpen.run();
        LocalDate correctedOn = command.correctedOn() != null ? command.correctedOn() : today;
        requireNotAfter(correctedOn, today, "correctedOn");
        ChargeDebt charge = debts.charge(command.chargeId()).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_CHARGE, "chargeId", "charge " + command.chargeId()
                        + " is not posted on account " + id));
        LocalDate postedOn = postedOn(state, charge);
        if (correctedOn.isBefore(postedOn)) {
            throw LedgerRuleViolation.of(RuleViolationCode.CORRECTION_BEFORE_CHARGE,
                    "correctedOn", "correctedOn " + correctedOn
                    + " is before charge " + charge.chargeId() + " was posted on " + postedOn);
        }
        Money corrected = charge.amount().plus(command.difference());
        if (corrected.isNegative()) {
            throw LedgerRuleViolation.of(RuleViolationCode.CORRECTION_BELOW_ZERO,
                    "difference", "charge " + charge.chargeId()
                    + " amounts to " + charge.amount() + "; a correction by " + command.difference()
                    + " would take it below zero");
        }
        Money restructured = debts.installments().restructured(charge.chargeId());
        if (corrected.minus(restructured).isNegative()) {
            throw LedgerRuleViolation.of(RuleViolationCode.CORRECTION_BELOW_RESTRUCTURED,
                    "difference", "an installment plan took "
                    + "over " + restructured + " of charge " + charge.chargeId() + "; a correction by "
                    + command.difference() + " would take the charge below that");
        }
        LocalDate dueDate = command.difference().isPositive() ? increaseDueDate(debts, charge, correctedOn, dueDateRules)
                : null;
        return new Decision(null, new ChargeCorrected(id, command.correctionId(), charge.chargeId(),
                charge.billingPeriod(), command.difference(), dueDate, correctedOn, command.reason()));
    }

    static ChargeCorrectionReceipt receipt(AccountId id, AccountState state, ChargeCorrected correction,
                                           boolean duplicate) {
        Money amount = state.debts().charge(correction.chargeId()).map(ChargeDebt::amount).orElse(Money.ZERO);
        return new ChargeCorrectionReceipt(id, correction, amount, duplicate);
    }

    /**
     * An increase is billed with the month the correction is made in (it appears on that month's bill), so it falls
     * due like that month's charge, never before the corrected charge's own due date in force.
     */
    private static LocalDate increaseDueDate(DebtLedger debts, ChargeDebt charge, LocalDate correctedOn,
                                             DueDateRules dueDateRules) {
        LocalDate billed = dueDateRules.dueDateFor(BillingPeriod.of(correctedOn));
        LocalDate inForce = debts.dueDate(charge);
        return billed.isBefore(inForce) ? inForce : billed;
    }

    /** A posted charge's posting date, or the day an increase was recorded. */
    private static LocalDate postedOn(AccountState state, ChargeDebt charge) {
        return state.charge(charge.chargeId()).map(ChargeEntry::postedOn).orElseGet(() -> state.debts()
                .correction(CorrectionId.of(charge.chargeId().value())).orElseThrow().correctedOn());
    }

    /** A retry that omits the date is the same correction on a later day, as for charges. */
    private static boolean sameContent(ChargeCorrected recorded, CorrectCharge command) {
        return recorded.chargeId().equals(command.chargeId()) && recorded.difference().equals(command.difference())
                && recorded.reason().equals(command.reason())
                && (command.correctedOn() == null || Objects.equals(command.correctedOn(), recorded.correctedOn()));
    }
}
