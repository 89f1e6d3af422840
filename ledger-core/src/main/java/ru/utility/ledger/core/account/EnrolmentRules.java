package ru.utility.ledger.core.account;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.CreditDiscount;
import ru.utility.ledger.core.api.account.DiscountBudgetLinked;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EndEnrolment;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RefuseDiscount;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ru.utility.ledger.core.account.Violations.requireNotBeforeOpening;

/**
 * The account's decisions on relief enrolments and discounts, kept out of Account so the aggregate only
 * delegates, like {@link DeferralRules}. Each method reads the state, throws LedgerRuleViolation on a broken
 * rule, and returns a repeat's answer or the events to record; the aggregate applies them and settles.
 */
final class EnrolmentRules {

    private EnrolmentRules() {
    }

    /**
     * What an enrolment decided: the receipt of a repeat, or the events to record (the enrolment, then a
     * budget link or a compensation credit) and the credit that then settles debts (null without one).
     */
    record Enrolment(EnrolmentReceipt repeat, AccountEnrolled enrolled, List<AccountEvent> events, PaymentId credit) {
    }

    /**
     * Checks that the holder is eligible on the enrolment day (region, and a social category of the
     * programme valid that day); a COMPENSATION programme's reserved credit is paid at once. An identical
     * repeat returns the enrolment.
     */
    static Enrolment enrol(AccountId id, AccountState state, EnrolInProgramme command) {
        var enrolled = state.enrolments().enrolment(command.programId());
        if (enrolled.isPresent()) {
            AccountEnrolled e = enrolled.get();
            if (!e.enrolledOn().equals(command.enrolledOn())) {
                throw LedgerRuleViolation.of(RuleViolationCode.ALREADY_ENROLLED, "accountId", "account " + id
                        + " is already enrolled in " + command.programId().value() + " since " + e.enrolledOn());
            }
            return new Enrolment(receipt(id, state, e, true), e, List.of(), null);
        }
        requireOpen(id, state);
        requireNotBeforeOpening(command.enrolledOn(), state.openedOn(), "enrolledOn");
        var regions = command.eligibility().regions();
        if (!regions.isEmpty() && !regions.contains(state.regionCode())) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOT_ELIGIBLE_REGION,
                    "accountId", "account " + id + " is in region "
                    + state.regionCode().value() + "; programme " + command.programId().value() + " covers "
                    + regions.stream().map(r -> r.value()).toList());
        }
        var categories = command.eligibility().categories();
        if (!categories.isEmpty() && categories.stream()
                .noneMatch(c -> state.categories().isValidOn(c, command.enrolledOn()))) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOT_ELIGIBLE_CATEGORY,
                    "accountId", "account " + id + " holds none of "
                    + categories + " valid on " + command.enrolledOn());
        }
        PaymentId creditId = CompensationCredited.creditIdFor(command.programId());
        if (command.compensation().isPositive() && state.debts().payment(creditId).isPresent()) {
            throw Violations.idempotencyConflict("programId", command.programId().value(), "compensation of programme");
        }
        AccountEnrolled event = new AccountEnrolled(id, command.programId(), command.kind(), command.enrolledOn(),
                command.activeTo(), command.percent(), categories);
        List<AccountEvent> events = new ArrayList<>(List.of(event));
        if (command.budgeted() && command.kind() == ReliefKind.DISCOUNT) {
            events.add(new DiscountBudgetLinked(id, command.programId(), command.enrolledOn()));
        }
        if (!command.compensation().isPositive()) {
            return new Enrolment(null, event, events, null);
        }
        events.add(new CompensationCredited(id, command.programId(), creditId, command.compensation(),
                command.enrolledOn()));
        return new Enrolment(null, event, events, creditId);
    }

    static EnrolmentReceipt receipt(AccountId id, AccountState state, AccountEnrolled e, boolean duplicate) {
        Money compensation = state.debts().payment(CompensationCredited.creditIdFor(e.programId()))
                .map(p -> p.amount()).orElse(Money.ZERO);
        return new EnrolmentReceipt(id, e.programId(), e.kind(), e.enrolledOn(), e.activeTo(), e.percent(),
                compensation, duplicate);
    }

    /** Metered energy, or the period's energy charge by its default id; adjustments get no discount. */
    static boolean isEnergy(PostCharge command) {
        return command.kwh() != null || command.chargeId().equals(ChargeId.energyFor(command.billingPeriod()));
    }

    /**
     * Every DISCOUNT enrolment valid on the charge's posting date (inside its window, and one of its categories
     * valid that day) credits its percent of the charge, dated that day; a budget-linked one claims it instead,
     * to be paid from the programme's budget first (the saga draws it, then sends CreditDiscount).
     */
    static List<AccountEvent> discounts(AccountId id, AccountState state, ChargePosted charge) {
        LocalDate postedOn = charge.postedOn();
        List<AccountEvent> events = new ArrayList<>();
        for (AccountEnrolled enrolment : state.enrolments().enrolments()) {
            boolean inWindow = enrolment.kind() == ReliefKind.DISCOUNT
                    && state.enrolments().appliesOn(enrolment, postedOn);
            boolean categoryValid = enrolment.categories().isEmpty()
                    || enrolment.categories().stream().anyMatch(c -> state.categories().isValidOn(c, postedOn));
            if (!inWindow || !categoryValid) {
                continue;
            }
            Money amount = charge.amount().percent(enrolment.percent());
            if (!amount.isPositive()) {
                continue;
            }
            PaymentId creditId = DiscountCredited.creditIdFor(enrolment.programId(), charge.chargeId());
            if (state.enrolments().isBudgetLinked(enrolment.programId())) {
                events.add(new DiscountClaimed(id, enrolment.programId(), charge.chargeId(), creditId, amount,
                        enrolment.percent(), postedOn));
            } else {
                events.add(new DiscountCredited(id, enrolment.programId(), charge.chargeId(), creditId, amount,
                        enrolment.percent(), postedOn));
            }
        }
        return events;
    }

    /**
     * Credits a claimed discount once its programme has paid it from the budget, with the claim's date.
     *
     * @return empty when the claim was already credited (nothing to record)
     */
    static Optional<DiscountCredited> credit(AccountId id, AccountState state, CreditDiscount command) {
        DiscountClaimed claim = claimFor(id, state, command.programId(), command.creditId());
        if (!claim.amount().equals(command.amount())) {
            throw Violations.idempotencyConflict("amount", command.creditId(), "discount claim");
        }
        if (state.debts().payment(command.creditId()).isPresent()) {
            return Optional.empty();
        }
        if (state.enrolments().refusal(command.creditId()).isPresent()) {
            throw LedgerRuleViolation.of(RuleViolationCode.DISCOUNT_CLAIM_DECIDED,
                    "creditId", "discount " + command.creditId()
                    + " was refused by the programme and cannot be credited");
        }
        return Optional.of(new DiscountCredited(id, claim.programId(), claim.chargeId(), claim.creditId(),
                claim.amount(), claim.percent(), claim.claimedOn()));
    }

    /** @return empty when the refusal was already recorded (nothing to record) */
    static Optional<DiscountRefused> refuse(AccountId id, AccountState state,
                                            RefuseDiscount command) {
        DiscountClaimed claim = claimFor(id, state, command.programId(), command.creditId());
        if (state.enrolments().refusal(command.creditId()).isPresent()) {
            return Optional.empty();
        }
        if (state.debts().payment(command.creditId()).isPresent()) {
            throw LedgerRuleViolation.of(RuleViolationCode.DISCOUNT_CLAIM_DECIDED,
                    "creditId", "discount " + command.creditId()
                    + " was already credited and cannot be refused");
        }
        return Optional.of(new DiscountRefused(id, claim.programId(), claim.chargeId(), claim.creditId(),
                claim.amount(), command.code(), command.reason(), claim.claimedOn()));
    }

    /**
     * Ends the enrolment from {@code endedOn} on: no relief is granted for what happens from that day. Not
     * refused on a closed account: it grants nothing, and the programme's closure is a fact either way.
     *
     * @return empty when the enrolment had already ended on that date (nothing to record)
     */
    static Optional<EnrolmentEnded> end(AccountId id, AccountState state, EndEnrolment command) {
        if (state.enrolments().enrolment(command.programId()).isEmpty()) {
            throw LedgerRuleViolation.of(RuleViolationCode.NOT_ENROLLED,
                    "programId", "account " + id + " is not enrolled in "
                    + command.programId().value());
        }
        var ended = state.enrolments().ended(command.programId());
        if (ended.isPresent()) {
            if (!ended.get().endedOn().equals(command.endedOn())) {
                throw LedgerRuleViolation.of(RuleViolationCode.ENROLMENT_ENDED,
                        "endedOn", "the enrolment of " + id + " in "
                        + command.programId().value() + " already ended on " + ended.get().endedOn());
            }
            return Optional.empty();
        }
        return Optional.of(new EnrolmentEnded(id, command.programId(), command.endedOn(), command.reason()));
    }

    private static DiscountClaimed claimFor(AccountId id, AccountState state, ProgramId programId, PaymentId creditId) {
        DiscountClaimed claim = state.enrolments().claim(creditId).orElseThrow(() -> LedgerRuleViolation.of(
                RuleViolationCode.UNKNOWN_DISCOUNT_CLAIM,
                "creditId", "account " + id + " claimed no discount " + creditId));
        if (!claim.programId().equals(programId)) {
            throw Violations.idempotencyConflict("programId", creditId, "discount claim");
        }
        return claim;
    }

    private static void requireOpen(AccountId id, AccountState state) {
        if (state.isClosed()) {
            throw Violations.accountClosed(id, state.closedOn());
        }
    }
}
