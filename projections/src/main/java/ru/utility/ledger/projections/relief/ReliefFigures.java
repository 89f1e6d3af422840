package ru.utility.ledger.projections.relief;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import ru.utility.ledger.core.api.Money;

/**
 * What relief did for a set of enrolments, as of a day (definitions: docs/reference/api.md, "Relief statistics").
 * Counts are of enrolments: an account enrolled in two programmes counts once in each. Rates and the median
 * are exact decimal strings in JSON, like money.
 *
 * @param enrolled             enrolments made on or before the day
 * @param active               of those, relief not ended on the day
 * @param completed            relief ended (window over, programme closed, ended early or plan completed), not defaulted
 * @param defaulted            relief ended by a default
 * @param collected            payments received from the enrolled accounts on or after the enrolment day, less
 *                             reversed ones
 * @param reliefEnded          enrolments whose relief ended before the day: the population of the cure figures
 * @param cured                of those, back to no overdue debt within 90 days of the relief's end
 * @param notCured             the 90 days are over and the account never was without overdue debt in them
 * @param pending              the 90 days are not over and the account has not yet been without overdue debt
 * @param cureRate             cured / (cured + notCured), 4 decimals; null when nothing is decided
 * @param reDefaulted          cured enrolments whose account had overdue debt again after its recovery
 * @param reDefaultRate        reDefaulted / cured, 4 decimals; null without cured enrolments
 * @param medianDaysToRecovery median of the days from relief end to recovery of the cured; null without any
 */
public record ReliefFigures(long enrolled, long active, long completed, long defaulted,
                            Money deferred, Money restructured, Money discounted, Money compensated,
                            Money penaltiesForgone, Money collected,
                            long reliefEnded, long cured, long notCured, long pending,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cureRate,
                            long reDefaulted, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reDefaultRate,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal medianDaysToRecovery) {

    public static ReliefFigures none() {
        return new ReliefFigures(0, 0, 0, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                0, 0, 0, 0, null, 0, null, null);
    }
}
