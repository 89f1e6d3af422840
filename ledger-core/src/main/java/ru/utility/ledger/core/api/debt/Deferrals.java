package ru.utility.ledger.core.api.debt;

import java.util.List;
import java.util.Optional;

import ru.utility.ledger.core.api.DeferralId;

/** An account's deferrals, granted and ended, read-only. */
public interface Deferrals {

    List<DeferralEntry> deferrals();

    Optional<DeferralEntry> deferral(DeferralId deferralId);
}
