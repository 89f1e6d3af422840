package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

/**
 * Facts about one account. Events never validate: a stored event must always deserialize, even after a
 * rule that produced it has changed. Changing a field means a new revision and an upcaster.
 */
public sealed interface AccountEvent permits AccountOpened, ChargePosted, PaymentRecorded, PaymentReversed, AccountClosed,
        PaymentAllocated, PaymentAllocationReleased, PenaltyAccrued, SocialCategoryGranted, SocialCategoryRevoked,
        RestrictionNoticeSent, AccountEnrolled, CompensationCredited, DiscountCredited,
        PenaltiesWrittenOff,
        DiscountBudgetLinked, DiscountClaimed, DiscountRefused, EnrolmentEnded,
        DeferralGranted, DeferralEndedEarly,
        InstallmentPlanAgreed, InstallmentMissed, InstallmentPlanDefaulted, InstallmentPlanCompleted,
        DueDateCorrected, ChargeCorrected, RestrictionNoticeDelivered, HouseholdTypeSet,
        PersonalDataErased {

    AccountId accountId();
}
