package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.CreditDiscount;
import ru.utility.ledger.core.api.account.DiscountBudgetLinked;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.DiscountRefused;
import ru.utility.ledger.core.api.account.EndEnrolment;
import ru.utility.ledger.core.api.account.EnrolInProgramme;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.RefuseDiscount;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.account.DiscountTest.PENSIONER;
import static ru.utility.ledger.core.account.DiscountTest.PROGRAM;
import static ru.utility.ledger.core.account.DiscountTest.THIRTY;
import static ru.utility.ledger.core.account.DiscountTest.CREDIT;
import static ru.utility.ledger.core.account.DiscountTest.charge;
import static ru.utility.ledger.core.account.DiscountTest.enrolled;
import static ru.utility.ledger.core.account.DiscountTest.posted;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.NOT_FOUND;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/**
 * A budgeted DISCOUNT programme: the account claims the discount, the programme pays it from its budget,
 * the account credits it (or records the refusal). Closing the programme ends the enrolment.
 */
class BudgetedDiscountTest {

    static final LocalDate ENROLLED_ON = LocalDate.of(2026, 11, 1);
    static final Money DISCOUNT = Money.parse("370.37");
    static final DiscountBudgetLinked LINKED = new DiscountBudgetLinked(ACCOUNT, PROGRAM, ENROLLED_ON);
    static final DiscountClaimed CLAIMED = new DiscountClaimed(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT,
            THIRTY, TODAY);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void enrollingInABudgetedDiscountLinksTheBudget() {
        fixture.given(opened(), PENSIONER)
                .when(new EnrolInProgramme(ACCOUNT, PROGRAM, ReliefKind.DISCOUNT,
                        new Eligibility(Set.of(SocialCategory.PENSIONER), Set.of()), THIRTY, ENROLLED_ON, null,
                        Money.ZERO, true))
                .expectEvents(enrolled(ENROLLED_ON, null), LINKED)
                .expectResultMessagePayload(new EnrolmentReceipt(ACCOUNT, PROGRAM, ReliefKind.DISCOUNT, ENROLLED_ON, null,
                        THIRTY, Money.ZERO, false));
    }

    @Test
    void aChargeClaimsTheDiscountInsteadOfCreditingIt() {
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED)
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"), CLAIMED);
    }

    @Test
    void aPaidClaimIsCreditedOnceAndSettlesTheCharge() {
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED)
                .when(new CreditDiscount(ACCOUNT, PROGRAM, CREDIT, DISCOUNT))
                // Allocated as it arrives, like a compensation (RECEIPT), not as left-over credit.
                .expectEvents(new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT, THIRTY, TODAY),
                        new PaymentAllocated(ACCOUNT, CREDIT, TODAY, AllocationSource.RECEIPT,
                                List.of(Allocation.principal(OCTOBER_ENERGY, DISCOUNT))))
                .expectResultMessagePayload(true);
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED,
                        new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT, THIRTY, TODAY))
                .when(new CreditDiscount(ACCOUNT, PROGRAM, CREDIT, DISCOUNT))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aCreditMustMatchItsClaim() {
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"))
                .when(new CreditDiscount(ACCOUNT, PROGRAM, CREDIT, DISCOUNT))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "UNKNOWN_DISCOUNT_CLAIM", "creditId"));
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED)
                .when(new CreditDiscount(ACCOUNT, PROGRAM, CREDIT, Money.parse("370.36")))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "amount"));
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED)
                .when(new CreditDiscount(ACCOUNT, ProgramId.of("OTHER-PROGRAMME"), CREDIT, DISCOUNT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "IDEMPOTENCY_CONFLICT", "programId"));
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED,
                        refused())
                .when(new CreditDiscount(ACCOUNT, PROGRAM, CREDIT, DISCOUNT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "DISCOUNT_CLAIM_DECIDED", "creditId"));
    }

    @Test
    void aRefusedClaimIsRecordedWithItsReasonOnce() {
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED)
                .when(new RefuseDiscount(ACCOUNT, PROGRAM, CREDIT, "BUDGET_EXHAUSTED", "budget spent"))
                .expectEvents(refused())
                .expectResultMessagePayload(true);
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED, refused())
                .when(new RefuseDiscount(ACCOUNT, PROGRAM, CREDIT, "BUDGET_EXHAUSTED", "budget spent"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"), CLAIMED,
                        new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT, THIRTY, TODAY))
                .when(new RefuseDiscount(ACCOUNT, PROGRAM, CREDIT, "BUDGET_EXHAUSTED", "budget spent"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "DISCOUNT_CLAIM_DECIDED", "creditId"));
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, posted("1234.55"))
                .when(new RefuseDiscount(ACCOUNT, PROGRAM, CREDIT, "BUDGET_EXHAUSTED", "budget spent"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "UNKNOWN_DISCOUNT_CLAIM", "creditId"));
    }

    @Test
    void anEndedEnrolmentGrantsNothingFromItsEndOn() {
        EnrolmentEnded endedToday = new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY, "programme closed");
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), endedToday)
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"));
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), LINKED, endedToday)
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"));
        // Ending tomorrow: today's charge is still covered.
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null),
                        new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY.plusDays(1), "programme closed"))
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"),
                        new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT, THIRTY, TODAY),
                        new PaymentAllocated(ACCOUNT, CREDIT, TODAY, AllocationSource.CREDIT,
                                List.of(Allocation.principal(OCTOBER_ENERGY, DISCOUNT))));
    }

    @Test
    void endingAnEnrolmentIsRecordedOnceAndOnlyForAnEnrolledAccount() {
        EndEnrolment end = new EndEnrolment(ACCOUNT, PROGRAM, TODAY, "programme closed");
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null))
                .when(end)
                .expectEvents(new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY, "programme closed"))
                .expectResultMessagePayload(true);
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY, "x"))
                .when(end)
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(opened(), PENSIONER, enrolled(ENROLLED_ON, null), new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY, "x"))
                .when(new EndEnrolment(ACCOUNT, PROGRAM, TODAY.plusDays(1), "programme closed"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ENROLMENT_ENDED", "endedOn"));
        fixture.given(opened(), PENSIONER)
                .when(end)
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "NOT_ENROLLED", "programId"));
        // The closure is a fact even for an account closed meanwhile; it grants nothing.
        fixture.given(opened(), enrolled(ENROLLED_ON, null), closed())
                .when(end)
                .expectEvents(new EnrolmentEnded(ACCOUNT, PROGRAM, TODAY, "programme closed"));
    }

    static DiscountRefused refused() {
        return new DiscountRefused(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, DISCOUNT, "BUDGET_EXHAUSTED",
                "budget spent", TODAY);
    }
}
