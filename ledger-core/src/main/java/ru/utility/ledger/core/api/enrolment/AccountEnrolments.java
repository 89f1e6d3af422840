package ru.utility.ledger.core.api.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EnrolmentEnded;

/** The relief programmes an account is enrolled in, and what its budgeted discounts became; read-only. */
public interface AccountEnrolments {

    List<AccountEnrolled> enrolments();

    Optional<AccountEnrolled> enrolment(ProgramId programId);

    Optional<EnrolmentEnded> ended(ProgramId programId);

    boolean isBudgetLinked(ProgramId programId);

    /** Whether the enrolment grants relief on {@code day}. */
    boolean appliesOn(AccountEnrolled enrolment, LocalDate day);

    List<DiscountClaimed> claims();

    Optional<DiscountClaimed> claim(PaymentId creditId);

    Optional<DiscountRefused> refusal(PaymentId creditId);
}
