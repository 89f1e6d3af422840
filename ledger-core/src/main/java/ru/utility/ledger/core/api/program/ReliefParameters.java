package ru.utility.ledger.core.api.program;

import java.math.BigDecimal;

/**
 * The kind-specific parameters of a programme; those a kind does not use are null.
 *
 * @param percent              DISCOUNT / COMPENSATION: percent of the charge, 0 &lt; p &le; 100, at most 2 decimals
 * @param maxDeferralMonths    DEFERRAL: 1..24
 * @param minInstallments      INSTALLMENT: 2..60, with {@code maxInstallments}
 * @param maxInstallments      INSTALLMENT: {@code minInstallments}..60
 * @param missesBeforeDefault  INSTALLMENT: 1..12 missed installments before the plan defaults
 * @param amnestyMonthsPaidInFull PENALTY_AMNESTY: consecutive months paid in full that earn the write-off, 1..24
 */
public record ReliefParameters(BigDecimal percent, Integer maxDeferralMonths, Integer minInstallments,
                               Integer maxInstallments, Integer missesBeforeDefault, Integer amnestyMonthsPaidInFull) {

    public static ReliefParameters none() {
        return new ReliefParameters(null, null, null, null, null, null);
    }
}
