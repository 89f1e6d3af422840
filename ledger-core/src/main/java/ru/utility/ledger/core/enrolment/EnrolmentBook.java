package ru.utility.ledger.core.enrolment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountEvent;

import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.DiscountBudgetLinked;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.enrolment.AccountEnrolments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relief programmes an account is enrolled in, folded from its events, like CategoryBook. Mutable
 * in place; fields visible to Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EnrolmentBook implements AccountEnrolments {

    private List<AccountEnrolled> enrolments = new ArrayList<>();
    // Budgeted discounts and closures (the relief enrolment saga), by programme id / credit id.
    private Set<String> budgetLinked = new HashSet<>();
    private Map<String, EnrolmentEnded> ended = new HashMap<>();
    private Map<String, DiscountClaimed> claims = new HashMap<>();
    private Map<String, DiscountRefused> refusals = new HashMap<>();

    public EnrolmentBook apply(AccountEvent event) {
        if (event instanceof AccountEnrolled e) {
            enrolments.add(e);
        } else if (event instanceof DiscountBudgetLinked e) {
            budgetLinked.add(e.programId().value());
        } else if (event instanceof EnrolmentEnded e) {
            ended.putIfAbsent(e.programId().value(), e);
        } else if (event instanceof DiscountClaimed e) {
            claims.put(e.creditId().value(), e);
        } else if (event instanceof DiscountRefused e) {
            refusals.put(e.creditId().value(), e);
        }
        return this;
    }

    /** Whether the programme pays this account's discounts from its budget (claims instead of credits). */
    public boolean isBudgetLinked(ProgramId programId) {
        return budgetLinked.contains(programId.value());
    }

    /** The end of the enrolment (programme closed), if it has ended. */
    public Optional<EnrolmentEnded> ended(ProgramId programId) {
        return Optional.ofNullable(ended.get(programId.value()));
    }

    /** Whether the enrolment brings relief on {@code day}: inside its window and before any end. */
    public boolean appliesOn(AccountEnrolled enrolment, LocalDate day) {
        EnrolmentEnded end = ended.get(enrolment.programId().value());
        return !day.isBefore(enrolment.enrolledOn())
                && (enrolment.activeTo() == null || !day.isAfter(enrolment.activeTo()))
                && (end == null || day.isBefore(end.endedOn()));
    }

    /** Every discount claimed from a budgeted programme, in the order claimed. */
    public List<DiscountClaimed> claims() {
        return claims.values().stream()
                .sorted(java.util.Comparator.comparing(DiscountClaimed::claimedOn)
                        .thenComparing(c -> c.creditId().value()))
                .toList();
    }

    public Optional<DiscountClaimed> claim(PaymentId creditId) {
        return Optional.ofNullable(claims.get(creditId.value()));
    }

    public Optional<DiscountRefused> refusal(PaymentId creditId) {
        return Optional.ofNullable(refusals.get(creditId.value()));
    }

    public List<AccountEnrolled> enrolments() {
        return List.copyOf(enrolments);
    }

    public Optional<AccountEnrolled> enrolment(ProgramId programId) {
        return enrolments.stream().filter(e -> e.programId().equals(programId)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnrolmentBook that && enrolments.equals(that.enrolments)
                && budgetLinked.equals(that.budgetLinked) && ended.equals(that.ended) && claims.equals(that.claims)
                && refusals.equals(that.refusals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enrolments, budgetLinked, ended, claims, refusals);
    }

    @Override
    public String toString() {
        return "EnrolmentBook" + enrolments;
    }
}
