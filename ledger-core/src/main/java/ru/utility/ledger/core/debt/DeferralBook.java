package ru.utility.ledger.core.debt;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.DeferralGranted;
import ru.utility.ledger.core.api.debt.DeferralEntry;
import ru.utility.ledger.core.api.debt.Deferrals;
import ru.utility.ledger.core.api.penalty.DueDateShift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's deferrals in the order they were granted, folded from its events; part of the DebtLedger
 * because they move due dates, which decide penalties and the order payments settle debts. Mutable in
 * place; fields visible to Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DeferralBook implements Deferrals {

    private List<DeferralEntry> deferrals = new ArrayList<>();

    void apply(AccountEvent event) {
        switch (event) {
            case DeferralGranted e -> deferrals.add(new DeferralEntry(e, null, null));
            case DeferralEndedEarly e -> deferrals.replaceAll(d -> d.granted().deferralId().equals(e.deferralId())
                    ? d.ended(e.endedOn(), e.reason()) : d);
            default -> {
            }
        }
    }

    public List<DeferralEntry> deferrals() {
        return List.copyOf(deferrals);
    }

    public Optional<DeferralEntry> deferral(DeferralId deferralId) {
        return deferrals.stream().filter(d -> d.granted().deferralId().equals(deferralId)).findFirst();
    }

    /** The charge's due-date shifts, one per deferral that covers it, in the order they were granted. */
    public List<DueDateShift> shiftsFor(ChargeId chargeId) {
        List<DueDateShift> shifts = new ArrayList<>();
        for (DeferralEntry d : deferrals) {
            d.covered(chargeId).ifPresent(c -> shifts.add(new DueDateShift(d.granted().grantedOn(), d.dueDateFor(c),
                    "deferral " + d.granted().deferralId().value() + " (programme "
                            + d.granted().programId().value() + ")")));
        }
        return shifts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeferralBook that && deferrals.equals(that.deferrals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deferrals);
    }

    @Override
    public String toString() {
        return "DeferralBook" + deferrals;
    }
}
