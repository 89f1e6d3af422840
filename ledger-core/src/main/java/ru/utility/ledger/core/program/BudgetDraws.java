package ru.utility.ledger.core.program;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.ProgramEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every discount a programme paid from its budget or refused, by account and draw id (a draw id, the
 * discount's credit id, is unique on its account only), so a repeated draw gets the recorded answer. A programme draws once per discounted charge, which over the years is many entries:
 * like the account's DebtLedger this book is <em>linear</em>, updated in place and handed on from state to
 * state, so folding a long programme stays linear. Only the newest state of a fold may use it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class BudgetDraws {

    private Map<String, BudgetDrawn> granted = new HashMap<>();
    private Map<String, BudgetDrawRefused> refused = new HashMap<>();
    private Money total = Money.ZERO;

    public BudgetDraws apply(ProgramEvent event) {
        if (event instanceof BudgetDrawn e && granted.putIfAbsent(key(e.accountId(), e.drawId()), e) == null) {
            total = total.plus(e.amount());
        } else if (event instanceof BudgetDrawRefused e) {
            refused.putIfAbsent(key(e.accountId(), e.drawId()), e);
        }
        return this;
    }

    /** What discounts have taken from the budget. */
    public Money total() {
        return total;
    }

    /** The recorded answer to a draw: a {@link BudgetDrawn} or a {@link BudgetDrawRefused}. */
    public Optional<ProgramEvent> decision(AccountId accountId, PaymentId drawId) {
        BudgetDrawn drawn = granted.get(key(accountId, drawId));
        return drawn != null ? Optional.of(drawn) : Optional.ofNullable(refused.get(key(accountId, drawId)));
    }

    private static String key(AccountId accountId, PaymentId drawId) {
        return accountId.value() + "/" + drawId.value();
    }

    public int grantedCount() {
        return granted.size();
    }

    public int refusedCount() {
        return refused.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BudgetDraws that && granted.equals(that.granted) && refused.equals(that.refused);
    }

    @Override
    public int hashCode() {
        return Objects.hash(granted, refused);
    }

    @Override
    public String toString() {
        return "BudgetDraws[drawn " + total + " in " + granted.size() + ", refused " + refused.size() + "]";
    }
}
