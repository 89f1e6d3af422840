package ru.utility.ledger.core.api.penalty;

import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A penalty statement laid out as a court calculation (расчёт пени): one row per part of a charge and run of days
 * in one band, with the debt, the days, the rate and its fraction, and the moratorium days with what they would have
 * accrued. Each charge's penalty is its exact sum rounded once half-up, as the ledger owes it, so the total is the
 * statement's. Pure: built from {@link PenaltyStatement} only.
 *
 * @param moratoriumForgone what the moratorium days would have accrued, rounded half-up once
 */
public record PenaltyCalculationTable(LocalDate asOf, List<Row> rows, List<Subtotal> charges, Money total,
                                      int moratoriumDays, Money moratoriumForgone) {

    /**
     * @param paidOn           the value date of the payment that paid the part; null while it is unpaid
     * @param ratePercent      the rate in force on {@code rateDay} under {@code rateRule}
     * @param moratoriumDays   the row's days when a moratorium covers them, else 0
     * @param moratoriumAmount what those days would have accrued, exact (6 places for display)
     * @param penalty          what the row accrues, exact (6 places for display)
     */
    public record Row(int number, ChargeId chargeId, BillingPeriod billingPeriod, LocalDate dueDate, Money debt,
                      LocalDate paidOn, LocalDate from, LocalDate through, int fromDay, int throughDay, int days,
                      BigDecimal ratePercent, LocalDate rateDay, String rateRule, String fraction, String formula,
                      String moratorium, int moratoriumDays, BigDecimal moratoriumAmount, BigDecimal penalty) {
    }

    /** @param penalty the charge's exact sum rounded once half-up: what is owed for it */
    public record Subtotal(ChargeId chargeId, BillingPeriod billingPeriod, BigDecimal exact, Money penalty) {
    }

    public static PenaltyCalculationTable of(PenaltyStatement statement) {
        List<Row> rows = new ArrayList<>();
        List<Subtotal> subtotals = new ArrayList<>();
        int moratoriumDays = 0;
        BigDecimal forgone = BigDecimal.ZERO;
        for (ChargePenalty charge : statement.charges()) {
            for (PartPenalty part : charge.parts()) {
                if (part.rate() == null) {
                    continue;
                }
                for (BandSegment s : part.segments()) {
                    int denominator = denominator(s.fraction());
                    boolean covered = s.moratorium() != null;
                    BigDecimal would = exact(part.amount(), part.rate().percent(), s.days(), denominator);
                    moratoriumDays += covered ? s.days() : 0;
                    forgone = covered ? forgone.add(would) : forgone;
                    rows.add(new Row(rows.size() + 1, charge.chargeId(), charge.billingPeriod(), charge.dueDate(),
                            part.amount(), part.paidOn(), s.from(), s.through(), s.fromDay(), s.throughDay(), s.days(),
                            part.rate().percent(), part.rate().rateDay(), part.rate().rule(), s.fraction(),
                            part.amount() + " x " + s.days() + " x " + s.fraction() + " x "
                                    + part.rate().percent().stripTrailingZeros().toPlainString() + "%",
                            s.moratorium(), covered ? s.days() : 0, covered ? display(would) : display(BigDecimal.ZERO),
                            s.amount()));
                }
            }
            subtotals.add(new Subtotal(charge.chargeId(), charge.billingPeriod(), charge.exact(), charge.penalty()));
        }
        return new PenaltyCalculationTable(statement.asOf(), List.copyOf(rows), List.copyOf(subtotals),
                statement.total(), moratoriumDays, Money.ofKopecks(forgone.movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }

    /** Roubles: amount x days x rate% / denominator, kept exact to 10 places before display. */
    private static BigDecimal exact(Money amount, BigDecimal percent, int days, int denominator) {
        return BigDecimal.valueOf(amount.kopecks()).multiply(percent).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(10_000L * denominator), 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal display(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }

    private static int denominator(String fraction) {
        if (!fraction.startsWith("1/")) {
            throw new IllegalArgumentException("a band's fraction is 1/N: " + fraction);
        }
        return Integer.parseInt(fraction.substring(2));
    }
}
