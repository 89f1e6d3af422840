package ru.utility.ledger.api.relief;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;
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

import static ru.utility.ledger.api.relief.EnrolmentAssociation.ACCOUNT;
import static ru.utility.ledger.api.relief.EnrolmentAssociation.ENROLMENT;
import static ru.utility.ledger.api.relief.EnrolmentAssociation.PROGRAMME;

/**
 * Links one account's enrolment with its programme for as long as the enrolment lasts (docs/contributing/architecture.md,
 * "Relief enrolment saga"):
 * <ul>
 *   <li>a discount the account claims for a budgeted DISCOUNT programme ({@code DiscountClaimed}) is drawn
 *       from the programme's budget ({@code DrawBudget}; the programme is the budget's single writer), then
 *       credited to the account ({@code CreditDiscount}) or refused with the programme's reason
 *       ({@code RefuseDiscount});</li>
 *   <li>the programme's closure ends the enrolment on the account ({@code EndEnrolment});</li>
 *   <li>the saga ends once the enrolment has ended (or the account closed) and no draw is outstanding.</li>
 * </ul>
 * Every command is idempotent by a deterministic id (the discount's credit id, the programme and account),
 * so a redelivered event after a restart sends a repeat that records nothing. The commands run in the
 * saga processor's unit of work: their events, the saga's state and its token commit in one transaction.
 */
@Saga(sagaStore = "sagaStore")
@ProcessingGroup(ReliefEnrolmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReliefEnrolmentSaga {

    public static final String PROCESSING_GROUP = "relief-enrolment";

    private static final Logger log = LoggerFactory.getLogger(ReliefEnrolmentSaga.class);

    @Autowired
    private transient CommandGateway commands;

    private ProgramId programId;
    private AccountId accountId;
    /** Credit ids of claims drawn from the budget but not yet answered on the account. */
    private Set<String> pendingDraws = new TreeSet<>();
    private boolean enrolmentOver;

    @StartSaga
    @SagaEventHandler(associationProperty = ENROLMENT, associationResolver = EnrolmentAssociation.class)
    public void on(AccountEnrolled event) {
        programId = event.programId();
        accountId = event.accountId();
        SagaLifecycle.associateWith(PROGRAMME, programId.value());
        SagaLifecycle.associateWith(ACCOUNT, accountId.value());
    }

    @SagaEventHandler(associationProperty = ENROLMENT, associationResolver = EnrolmentAssociation.class)
    public void on(DiscountClaimed event) {
        pendingDraws.add(event.creditId().value());
        commands.sendAndWait(new DrawBudget(event.programId(), event.accountId(), event.chargeId(), event.creditId(),
                event.amount(), event.claimedOn()));
    }

    /**
     * Only a draw this saga asked for is answered on the account. The saga's state commits with its token,
     * so after a crash the draw is still pending when the event comes again; a draw nobody claimed (sent to
     * the programme by other means) has no claim on the account to credit and is left alone.
     */
    @SagaEventHandler(associationProperty = ENROLMENT, associationResolver = EnrolmentAssociation.class)
    public void on(BudgetDrawn event) {
        if (!isPending(event.drawId().value())) {
            return;
        }
        commands.sendAndWait(new CreditDiscount(event.accountId(), event.programId(), event.drawId(), event.amount()));
        pendingDraws.remove(event.drawId().value());
        endIfDone();
    }

    @SagaEventHandler(associationProperty = ENROLMENT, associationResolver = EnrolmentAssociation.class)
    public void on(BudgetDrawRefused event) {
        if (!isPending(event.drawId().value())) {
            return;
        }
        commands.sendAndWait(new RefuseDiscount(event.accountId(), event.programId(), event.drawId(), event.code(),
                event.reason()));
        pendingDraws.remove(event.drawId().value());
        endIfDone();
    }

    private boolean isPending(String drawId) {
        if (pendingDraws.contains(drawId)) {
            return true;
        }
        log.warn("Draw {} of {} was not claimed through this enrolment's saga; nothing to credit", drawId,
                EnrolmentAssociation.enrolment(programId, accountId));
        return false;
    }

    /**
     * Closure stops new relief from the closure date on, for every kind: what was granted stays (a
     * compensation paid, discounts credited; an agreed deferral or installment plan is not cancelled).
     */
    @SagaEventHandler(associationProperty = PROGRAMME, associationResolver = EnrolmentAssociation.class)
    public void on(ProgramClosed event) {
        commands.sendAndWait(new EndEnrolment(accountId, programId, event.closedOn(),
                "programme " + programId.value() + " closed on " + event.closedOn() + ": " + event.reason()));
    }

    @SagaEventHandler(associationProperty = ENROLMENT, associationResolver = EnrolmentAssociation.class)
    public void on(EnrolmentEnded event) {
        enrolmentOver = true;
        endIfDone();
    }

    /** A closed account takes no charges, so it earns no further relief; outstanding draws are still answered. */
    @SagaEventHandler(associationProperty = ACCOUNT, associationResolver = EnrolmentAssociation.class)
    public void on(AccountClosed event) {
        enrolmentOver = true;
        endIfDone();
    }

    private void endIfDone() {
        if (enrolmentOver && pendingDraws.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
