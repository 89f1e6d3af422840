package ru.utility.ledger.api.relief;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.DiscountClaimed;
import ru.utility.ledger.core.api.account.EnrolmentEnded;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.ProgramClosed;

/**
 * The association values of {@link ReliefEnrolmentSaga}, as plain strings computed here rather than by
 * Axon's {@code toString()} of a property (a {@link ProgramId} prints as its aggregate identifier):
 * {@code enrolment} = {@code <programId>/<accountId>} for the events of one enrolment, {@code programme}
 * for a closure, {@code account} for an account's closure.
 */
public class EnrolmentAssociation implements AssociationResolver {

    public static final String ENROLMENT = "enrolment";
    public static final String PROGRAMME = "programme";
    public static final String ACCOUNT = "account";

    public static String enrolment(ProgramId programId, AccountId accountId) {
        return programId.value() + "/" + accountId.value();
    }

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        if (!ENROLMENT.equals(associationPropertyName) && !PROGRAMME.equals(associationPropertyName)
                && !ACCOUNT.equals(associationPropertyName)) {
            throw new IllegalArgumentException("unknown association " + associationPropertyName);
        }
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        Object payload = message.getPayload();
        return switch (associationPropertyName) {
            case ENROLMENT -> switch (payload) {
                case AccountEnrolled e -> enrolment(e.programId(), e.accountId());
                case DiscountClaimed e -> enrolment(e.programId(), e.accountId());
                case EnrolmentEnded e -> enrolment(e.programId(), e.accountId());
                case BudgetDrawn e -> enrolment(e.programId(), e.accountId());
                case BudgetDrawRefused e -> enrolment(e.programId(), e.accountId());
                default -> throw unsupported(associationPropertyName, payload);
            };
            case PROGRAMME -> {
                if (payload instanceof ProgramClosed e) {
                    yield e.programId().value();
                }
                throw unsupported(associationPropertyName, payload);
            }
            case ACCOUNT -> {
                if (payload instanceof AccountClosed e) {
                    yield e.accountId().value();
                }
                throw unsupported(associationPropertyName, payload);
            }
            default -> throw unsupported(associationPropertyName, payload);
        };
    }

    private static IllegalStateException unsupported(String association, Object payload) {
        return new IllegalStateException("no " + association + " association for " + payload.getClass().getSimpleName());
    }
}
