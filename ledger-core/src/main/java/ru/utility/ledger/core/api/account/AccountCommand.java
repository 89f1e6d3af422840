package ru.utility.ledger.core.api.account;

import ru.utility.ledger.core.api.AccountId;

public sealed interface AccountCommand permits OpenAccount, PostCharge, RecordPayment, ReversePayment, CloseAccount,
        AccruePenalty, GrantSocialCategory, RevokeSocialCategory, EnrolInProgramme,
        RecordRestrictionNotice,
        ReviewAmnesty,
        CreditDiscount, RefuseDiscount, EndEnrolment,
        GrantDeferral, EndDeferralEarly,
        AgreeInstallmentPlan, ReviewInstallmentPlans, CorrectDueDates, CorrectCharge, RecordNoticeDelivery, SetHouseholdType,
        ErasePersonalData {

    AccountId accountId();
}
