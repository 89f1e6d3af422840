package ru.utility.ledger.core.api.program;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

/** A relief programme as its events recorded it, read-only. */
public interface Programme {

    ProgramId id();

    ProgramLaunched launched();

    /** Null while open. */
    ProgramClosed closed();

    /** The live reservations by account. */
    Map<AccountId, EnrolmentReserved> enrolments();

    Optional<EnrolmentReserved> enrolment(AccountId accountId);

    /** Budget committed to live enrolments. */
    Money reserved();

    /** What the budget still holds; null when the programme has no budget. */
    Money budgetLeft();

    /** What budgeted discounts drew from the budget. */
    Money drawn();

    /** How many budgeted discounts the budget paid. */
    int drawsGranted();

    /** How many budgeted discounts the programme refused. */
    int drawsRefused();

    /** The last day the programme applies: its window's end or the day before it closed. */
    LocalDate activeTo();

    boolean isClosed();

    /** Whether enrolment is open on {@code day}: inside the window and before any closure. */
    boolean isActiveOn(LocalDate day);

    ProgramReceipt receipt(boolean duplicate);
}
