package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class EnrolInProgrammeTest {

    static final ProgramId DISCOUNT = ProgramId.of("PENSIONER-30");
    static final ProgramId COMPENSATION = ProgramId.of("COMP-50");
    static final LocalDate ON = LocalDate.of(2026, 11, 18);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final BigDecimal THIRTY = new BigDecimal("30");
    static final Eligibility PENSIONERS_IN_MOSCOW = new Eligibility(Set.of(SocialCategory.PENSIONER),
            Set.of(RegionCode.of("77")));
    static final SocialCategoryGranted PENSIONER = new SocialCategoryGranted(ACCOUNT, SocialCategory.PENSIONER,
            LocalDate.of(2026, 3, 1), null, "Pension certificate 1");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    static EnrolInProgramme enrolDiscount(LocalDate on) {
        return new EnrolInProgramme(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT, PENSIONERS_IN_MOSCOW, THIRTY, on, TO, Money.ZERO);
    }

    @Test
    void anEligibleHolderIsEnrolled() {
        fixture.given(opened(), PENSIONER)
                .when(enrolDiscount(ON))
                .expectEvents(new AccountEnrolled(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT, ON, TO, THIRTY, Set.of(SocialCategory.PENSIONER)))
                .expectResultMessagePayload(new EnrolmentReceipt(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT, ON, TO, THIRTY,
                        Money.ZERO, false));
    }

    @Test
    void aRepeatReturnsTheEnrolmentAndAnotherDateIsAConflict() {
        AccountEnrolled enrolled = new AccountEnrolled(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT, ON, TO, THIRTY, Set.of(SocialCategory.PENSIONER));
        fixture.given(opened(), PENSIONER, enrolled)
                .when(enrolDiscount(ON))
                .expectNoEvents()
                .expectResultMessagePayload(new EnrolmentReceipt(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT, ON, TO, THIRTY,
                        Money.ZERO, true));
        fixture.given(opened(), PENSIONER, enrolled)
                .when(enrolDiscount(ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ALREADY_ENROLLED", "accountId"));
    }

    @Test
    void aHolderWithoutACategoryValidOnTheDayIsNotEligible() {
        fixture.given(opened())
                .when(enrolDiscount(ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ELIGIBLE_CATEGORY", "accountId"));
        fixture.given(opened(), PENSIONER, new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER,
                        LocalDate.of(2026, 10, 1), "Certificate withdrawn"))
                .when(enrolDiscount(ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ELIGIBLE_CATEGORY", "accountId"));
        fixture.given(opened(), new SocialCategoryGranted(ACCOUNT, SocialCategory.DISABLED, LocalDate.of(2026, 3, 1),
                        null, "Disability certificate"))
                .when(enrolDiscount(ON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ELIGIBLE_CATEGORY", "accountId"));
    }

    @Test
    void anAccountOutsideTheRegionsIsNotEligible() {
        fixture.given(opened(), PENSIONER)
                .when(new EnrolInProgramme(ACCOUNT, DISCOUNT, ReliefKind.DISCOUNT,
                        new Eligibility(Set.of(), Set.of(RegionCode.of("50"))), THIRTY, ON, TO, Money.ZERO))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ELIGIBLE_REGION", "accountId"));
    }

    @Test
    void aClosedAccountCannotEnrol() {
        fixture.given(opened(), PENSIONER, closed())
                .when(enrolDiscount(ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void aCompensationIsCreditedAndSettlesTheDebtLikeAPayment() {
        PaymentId creditId = PaymentId.of("RELIEF:COMP-50");
        Money half = Money.parse("617.25");
        fixture.given(opened(), octoberCharged())
                .when(new EnrolInProgramme(ACCOUNT, COMPENSATION, ReliefKind.COMPENSATION, Eligibility.everyone(),
                        new BigDecimal("50"), ON, null, half))
                .expectEvents(new AccountEnrolled(ACCOUNT, COMPENSATION, ReliefKind.COMPENSATION, ON, null, new BigDecimal("50"), Set.of()),
                        new CompensationCredited(ACCOUNT, COMPENSATION, creditId, half, ON),
                        new PaymentAllocated(ACCOUNT, creditId, ON, AllocationSource.RECEIPT,
                                List.of(Allocation.principal(OCTOBER_ENERGY, half))))
                .expectResultMessagePayload(new EnrolmentReceipt(ACCOUNT, COMPENSATION, ReliefKind.COMPENSATION, ON, null,
                        new BigDecimal("50"), half, false));
    }

    @Test
    void aPaymentCannotReuseACompensationCreditId() {
        PaymentId creditId = PaymentId.of("RELIEF:COMP-50");
        fixture.given(opened(), new AccountEnrolled(ACCOUNT, COMPENSATION, ReliefKind.COMPENSATION, ON, null, THIRTY, Set.of()),
                        new CompensationCredited(ACCOUNT, COMPENSATION, creditId, Money.parse("10.00"), ON))
                .when(new RecordPayment(ACCOUNT, creditId, Money.parse("10.00"), PaymentChannel.BANK_REGISTRY, ON, null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "paymentId"));
    }

    @Test
    void anEnrolmentBeforeTheOpeningIsRefused() {
        fixture.given(opened(), PENSIONER)
                .when(enrolDiscount(AccountFixtures.OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "enrolledOn"));
    }

    /** The compensation's credit id already names a payment on the account: crediting again would double it. */
    @Test
    void aCompensationWhoseCreditIdIsTakenIsAConflict() {
        PaymentId creditId = CompensationCredited.creditIdFor(COMPENSATION);
        fixture.given(opened(), new PaymentRecorded(ACCOUNT, creditId, Money.parse("10.00"), PaymentChannel.BANK_REGISTRY,
                        ON, null))
                .when(new EnrolInProgramme(ACCOUNT, COMPENSATION, ReliefKind.COMPENSATION, Eligibility.everyone(),
                        new BigDecimal("50"), ON, null, Money.parse("617.25")))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "programId"));
    }
}
