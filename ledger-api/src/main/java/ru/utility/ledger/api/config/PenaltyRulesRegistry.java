package ru.utility.ledger.api.config;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import ru.utility.ledger.api.relief.ProgrammeMoratoriumWindows;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.penalty.PenaltyRulesInForce;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

/**
 * The penalty rules in force: the configured law (shipped {@code penalty-rules.txt} or
 * {@code ledger.penalty.rules-location}) plus the moratoria of launched PENALTY_MORATORIUM programmes, read
 * each time from {@link ProgrammeMoratoriumWindows}, which the programme's own events write in the transaction
 * that appends them: an accrual right after a launch or a closure commits decides with it, on every node,
 * without a restart. Not from the {@code programme-moratoria} projection, which may lag. The calculator itself
 * stays pure: it is built per use from these rules. Readers outside the wiring see it as {@link PenaltyRulesInForce}.
 */
@Component
public class PenaltyRulesRegistry implements PenaltyRulesInForce {

    private final PenaltyRules configured;
    private final ProgrammeMoratoriumWindows programmes;

    public PenaltyRulesRegistry(PenaltyRules configured, ProgrammeMoratoriumWindows programmes) {
        this.configured = configured;
        this.programmes = programmes;
    }

    public PenaltyRules current() {
        return configured.withMoratoria(programmes.all());
    }

    public PenaltyCalculator calculator() {
        return new PenaltyCalculator(current());
    }

    @Override
    public PenaltyStatement statement(AccountDebts debts, LocalDate asOf) {
        return calculator().calculate(debts.penaltyTimeline(), asOf);
    }

    @Override
    public Moratorium moratoriumOn(LocalDate day) {
        return current().moratoriumOn(day);
    }
}
