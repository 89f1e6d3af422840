package ru.utility.ledger.api.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.CreditDiscount;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.EndEnrolment;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.account.RefuseDiscount;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.DrawBudget;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ReliefKind;

import static ru.utility.ledger.api.relief.EnrolmentAssociation.ACCOUNT;
import static ru.utility.ledger.api.relief.EnrolmentAssociation.ENROLMENT;
import static ru.utility.ledger.api.relief.EnrolmentAssociation.PROGRAMME;

/** Every path of the relief enrolment saga, with Axon's saga fixture (no Spring, no database). */
class ReliefEnrolmentSagaTest {

    static final ProgramId PROGRAM = ProgramId.of("PENSIONER-30");
    static final ProgramId OTHER_PROGRAM = ProgramId.of("LARGE-FAMILY-10");
    static final AccountId ACC = AccountId.of("ACC-0001");
    static final String KEY = "PENSIONER-30/ACC-0001";
    static final LocalDate ON = LocalDate.of(2026, 11, 25);
    static final ChargeId CHARGE = ChargeId.of("ENERGY-2026-10");
    static final PaymentId CREDIT = PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-10");
    static final Money AMOUNT = Money.parse("370.37");

    private SagaTestFixture<ReliefEnrolmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReliefEnrolmentSaga.class);
    }

    static AccountEnrolled enrolled() {
        return new AccountEnrolled(ACC, PROGRAM, ReliefKind.DISCOUNT, LocalDate.of(2026, 11, 1), null,
                new BigDecimal("30"), Set.of(SocialCategory.PENSIONER));
    }

    static DiscountClaimed claimed() {
        return new DiscountClaimed(ACC, PROGRAM, CHARGE, CREDIT, AMOUNT, new BigDecimal("30"), ON);
    }

    static BudgetDrawn drawn() {
        return new BudgetDrawn(PROGRAM, ACC, CHARGE, CREDIT, AMOUNT, ON, Money.parse("129.63"));
    }

    static BudgetDrawRefused refused() {
        return new BudgetDrawRefused(PROGRAM, ACC, CHARGE, CREDIT, AMOUNT, ON, "BUDGET_EXHAUSTED",
                "programme PENSIONER-30 has 12.00 of its budget left; the discount needs 370.37");
    }

    @Test
    void anEnrolmentStartsTheSagaAssociatedByEnrolmentProgrammeAndAccount() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(enrolled())
                .expectActiveSagas(1)
                .expectAssociationWith(ENROLMENT, KEY)
                .expectAssociationWith(PROGRAMME, "PENSIONER-30")
                .expectAssociationWith(ACCOUNT, "ACC-0001")
                .expectNoDispatchedCommands();
    }

    @Test
    void aRedeliveredEnrolmentDoesNotStartASecondSaga() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(enrolled())
                .expectActiveSagas(1);
    }

    @Test
    void aClaimIsDrawnFromTheProgrammesBudget() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(claimed())
                .expectDispatchedCommands(new DrawBudget(PROGRAM, ACC, CHARGE, CREDIT, AMOUNT, ON))
                .expectActiveSagas(1);
    }

    @Test
    void aGrantedDrawIsCreditedToTheAccount() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed())
                .whenPublishingA(drawn())
                .expectDispatchedCommands(new CreditDiscount(ACC, PROGRAM, CREDIT, AMOUNT))
                .expectActiveSagas(1);
    }

    @Test
    void aRefusedDrawIsRecordedOnTheAccountWithItsReason() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed())
                .whenPublishingA(refused())
                .expectDispatchedCommands(new RefuseDiscount(ACC, PROGRAM, CREDIT, "BUDGET_EXHAUSTED",
                        "programme PENSIONER-30 has 12.00 of its budget left; the discount needs 370.37"))
                .expectActiveSagas(1);
    }

    @Test
    void aDrawTheSagaDidNotAskForIsLeftAlone() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(drawn())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        fixture.givenAPublished(enrolled())
                .whenPublishingA(refused())
                .expectNoDispatchedCommands();
    }

    @Test
    void anAnsweredDrawIsNotAnsweredTwice() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed()).andThenAPublished(drawn())
                .whenPublishingA(drawn())
                .expectNoDispatchedCommands();
    }

    @Test
    void aRedeliveredClaimSendsTheSameIdempotentDraw() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed())
                .whenPublishingA(claimed())
                .expectDispatchedCommands(new DrawBudget(PROGRAM, ACC, CHARGE, CREDIT, AMOUNT, ON));
    }

    @Test
    void theProgrammesClosureEndsTheEnrolmentOnTheAccount() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(new ProgramClosed(PROGRAM, ON, "budget year ended"))
                .expectDispatchedCommands(new EndEnrolment(ACC, PROGRAM, ON,
                        "programme PENSIONER-30 closed on 2026-11-25: budget year ended"))
                .expectActiveSagas(1);
    }

    @Test
    void anotherProgrammesClosureIsNotThisSagasBusiness() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(new ProgramClosed(OTHER_PROGRAM, ON, "budget year ended"))
                .expectNoDispatchedCommands();
    }

    @Test
    void anotherEnrolmentsClaimIsNotThisSagasBusiness() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(new DiscountClaimed(ACC, OTHER_PROGRAM, CHARGE,
                        PaymentId.of("DISCOUNT:LARGE-FAMILY-10:ENERGY-2026-10"), AMOUNT, new BigDecimal("10"), ON))
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheEnrolmentHasEnded() {
        fixture.givenAPublished(enrolled()).andThenAPublished(new ProgramClosed(PROGRAM, ON, "budget year ended"))
                .whenPublishingA(new EnrolmentEnded(ACC, PROGRAM, ON, "programme closed"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void anOutstandingDrawIsAnsweredBeforeTheSagaEnds() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed())
                .andThenAPublished(new EnrolmentEnded(ACC, PROGRAM, ON, "programme closed"))
                .whenPublishingA(drawn())
                .expectDispatchedCommands(new CreditDiscount(ACC, PROGRAM, CREDIT, AMOUNT))
                .expectActiveSagas(0);
    }

    @Test
    void theSagaOutlivesTheEnrolmentWhileADrawIsOutstanding() {
        fixture.givenAPublished(enrolled()).andThenAPublished(claimed())
                .whenPublishingA(new EnrolmentEnded(ACC, PROGRAM, ON, "programme closed"))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSagaEndsWhenTheAccountCloses() {
        fixture.givenAPublished(enrolled())
                .whenPublishingA(new AccountClosed(ACC, ON))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
