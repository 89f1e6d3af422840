package ru.utility.ledger.core.enrolment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.AccountEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relief programmes an account is enrolled in, folded from its events, like CategoryBook. Mutable
 * in place; fields visible to Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EnrolmentBook {

    private List<AccountEnrolled> enrolments = new ArrayList<>();

    public EnrolmentBook apply(AccountEvent event) {
        if (event instanceof AccountEnrolled e) {
            enrolments.add(e);
        }
        return this;
    }

    public List<AccountEnrolled> enrolments() {
        return List.copyOf(enrolments);
    }

    public Optional<AccountEnrolled> enrolment(ProgramId programId) {
        return enrolments.stream().filter(e -> e.programId().equals(programId)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnrolmentBook that && enrolments.equals(that.enrolments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enrolments);
    }

    @Override
    public String toString() {
        return "EnrolmentBook" + enrolments;
    }
}
