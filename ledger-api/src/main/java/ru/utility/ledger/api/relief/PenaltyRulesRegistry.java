package ru.utility.ledger.api.relief;

import org.springframework.stereotype.Component;

import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;
import ru.utility.ledger.projections.relief.ProgrammeMoratoria;

/**
 * The penalty rules in force: the configured law (shipped {@code penalty-rules.txt} or
 * {@code ledger.penalty.rules-location}) plus the moratoria of launched PENALTY_MORATORIUM programmes, read
 * from the {@code programme-moratoria} projection each time, so a launch or a closure reaches the next
 * accrual without a restart and on every node. The calculator itself stays pure: it is built per use
 * from these rules.
 */
@Component
public class PenaltyRulesRegistry {

    private final PenaltyRules configured;
    private final ProgrammeMoratoria programmes;

    public PenaltyRulesRegistry(PenaltyRules configured, ProgrammeMoratoria programmes) {
        this.configured = configured;
        this.programmes = programmes;
    }

    public PenaltyRules current() {
        return configured.withMoratoria(programmes.all());
    }

    public PenaltyCalculator calculator() {
        return new PenaltyCalculator(current());
    }
}
