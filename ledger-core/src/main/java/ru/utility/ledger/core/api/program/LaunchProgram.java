package ru.utility.ledger.core.api.program;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Launches a relief programme. The constructor checks that the parameters fit the kind, so a programme
 * can never exist with parameters it cannot apply.
 *
 * @param activeTo last day of the window; null while open-ended
 * @param budget   optional: what the programme may spend (credits, compensation); null for no limit
 */
public record LaunchProgram(@TargetAggregateIdentifier ProgramId programId, String name, ReliefKind kind,
                            LocalDate activeFrom, LocalDate activeTo, Eligibility eligibility,
                            ReliefParameters parameters, Money budget) implements ProgramCommand {

    public static final int NAME_MAX = 200;

    public LaunchProgram {
        Objects.requireNonNull(programId, "programId must not be null");
        Objects.requireNonNull(name, "name must not be null");
        name = name.strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new IllegalArgumentException("name must be 1-" + NAME_MAX + " characters");
        }
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(activeFrom, "activeFrom must not be null");
        if (activeTo != null && activeTo.isBefore(activeFrom)) {
            throw new IllegalArgumentException("activeTo must not be before activeFrom");
        }
        eligibility = eligibility == null ? Eligibility.everyone() : eligibility;
        parameters = parameters == null ? ReliefParameters.none() : parameters;
        if (budget != null) {
            budget.requirePositiveInput();
        }
        checkParameters(kind, parameters);
        if (kind == ReliefKind.PENALTY_MORATORIUM && !eligibility.equals(Eligibility.everyone())) {
            // A moratorium is a government measure for every account (docs/contributing/architecture.md).
            throw new IllegalArgumentException("eligibility: a PENALTY_MORATORIUM programme applies to every account;"
                    + " omit categories and regions");
        }
    }

    private static void checkParameters(ReliefKind kind, ReliefParameters p) {
        switch (kind) {
            case DISCOUNT, COMPENSATION -> {
                BigDecimal percent = require(p.percent(), "parameters.percent", kind);
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2) {
                    throw new IllegalArgumentException("parameters.percent must be above 0 and at most 100, with at most 2 decimals");
                }
            }
            case DEFERRAL -> range(require(p.maxDeferralMonths(), "parameters.maxDeferralMonths", kind),
                    1, 24, "parameters.maxDeferralMonths");
            case INSTALLMENT -> {
                int min = range(require(p.minInstallments(), "parameters.minInstallments", kind), 2, 60,
                        "parameters.minInstallments");
                range(require(p.maxInstallments(), "parameters.maxInstallments", kind), min, 60,
                        "parameters.maxInstallments");
                range(require(p.missesBeforeDefault(), "parameters.missesBeforeDefault", kind), 1, 12,
                        "parameters.missesBeforeDefault");
            }
            case PENALTY_AMNESTY -> range(require(p.amnestyMonthsPaidInFull(), "parameters.amnestyMonthsPaidInFull", kind),
                    1, 24, "parameters.amnestyMonthsPaidInFull");
            case PENALTY_MORATORIUM -> {
                // The window is the whole of a moratorium's parameters.
            }
        }
    }

    private static <T> T require(T value, String field, ReliefKind kind) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required for a " + kind + " programme");
        }
        return value;
    }

    private static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
