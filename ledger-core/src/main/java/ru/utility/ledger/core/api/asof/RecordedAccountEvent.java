package ru.utility.ledger.core.api.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.DiscountBudgetLinked;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;

/** An account event with the two times a bitemporal question needs: its sequence and when it was recorded. */
public record RecordedAccountEvent(AccountEvent event, long sequence, Instant recordedAt) {

    public RecordedAccountEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * The business date the event takes effect on: the date it carries (a charge's posting date, a payment's
     * value date). A penalty counts from the date it was accrued for, an allocation from the day the money
     * arrived, a discount from its charge's posting date.
     */
    public LocalDate businessDate() {
        return switch (event) {
            case AccountOpened e -> e.openedOn();
            case ChargePosted e -> e.postedOn();
            case PaymentRecorded e -> e.receivedOn();
            case PaymentReversed e -> e.reversedOn();
            case AccountClosed e -> e.closedOn();
            case PaymentAllocated e -> e.paidOn();
            case PenaltyAccrued e -> e.asOf();
            case SocialCategoryGranted e -> e.validFrom();
            case SocialCategoryRevoked e -> e.revokedOn();
            case RestrictionNoticeSent e -> e.sentOn();
            case AccountEnrolled e -> e.enrolledOn();
            case CompensationCredited e -> e.creditedOn();
            case PenaltiesWrittenOff e -> e.writtenOffOn();
            // Dated with its charge's posting date, also when a budgeted programme pays it later.
            case DiscountCredited e -> e.creditedOn();
            // Releasing a reversed payment's allocation happens when the reversal is recorded.
            case PaymentAllocationReleased e -> LocalDate.ofInstant(recordedAt, LedgerTime.BUSINESS_ZONE);
            case DiscountBudgetLinked e -> e.linkedOn();
            // A claim and its refusal carry the charge's posting date; neither moves money.
            case DiscountClaimed e -> e.claimedOn();
            case DiscountRefused e -> e.claimedOn();
            case EnrolmentEnded e -> e.endedOn();
            case ru.utility.ledger.core.api.account.DeferralGranted e -> e.grantedOn();
            case ru.utility.ledger.core.api.account.DeferralEndedEarly e -> e.endedOn();
            case ru.utility.ledger.core.api.account.DueDateCorrected e -> e.correctedOn();
            case ru.utility.ledger.core.api.account.ChargeCorrected e -> e.correctedOn();
            case ru.utility.ledger.core.api.account.RestrictionNoticeDelivered e -> e.deliveredOn();
            case ru.utility.ledger.core.api.account.HouseholdTypeSet e -> e.setOn();
            case ru.utility.ledger.core.api.account.InstallmentPlanAgreed e -> e.agreedOn();
            // Missed at the end of its due date: it counts from the next day.
            case ru.utility.ledger.core.api.account.InstallmentMissed e -> e.dueDate().plusDays(1);
            case ru.utility.ledger.core.api.account.InstallmentPlanDefaulted e -> e.defaultedOn();
            case ru.utility.ledger.core.api.account.InstallmentPlanCompleted e -> e.completedOn();
            case ru.utility.ledger.core.api.account.PersonalDataErased e -> e.erasedOn();
        };
    }
}
