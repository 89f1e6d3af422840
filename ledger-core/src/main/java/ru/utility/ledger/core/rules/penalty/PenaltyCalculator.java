package ru.utility.ledger.core.rules.penalty;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.AppliedRate;
import ru.utility.ledger.core.api.penalty.BandSegment;
import ru.utility.ledger.core.api.penalty.ChargePenalty;
import ru.utility.ledger.core.api.penalty.DebtPart;
import ru.utility.ledger.core.api.penalty.Moratorium;
import ru.utility.ledger.core.api.penalty.PartPenalty;
import ru.utility.ledger.core.api.penalty.PenaltyDebt;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Late-payment penalties (Housing Code art. 155 p.14) on a date, exactly: every part of a charge accrues
 * from the day after its due date through the day it was paid (or the calculation day while unpaid), at
 * the band's fraction of the rate in force on that last day; moratorium days count but accrue nothing.
 * Amounts are exact rationals (kopecks × basis points × days over 10,000 × the band's denominator) until
 * each charge's total is rounded once, half-up, to kopecks. Pure and deterministic.
 */
public final class PenaltyCalculator {

    private static final int DISPLAY_SCALE = 6;

    private final PenaltyRules rules;

    public PenaltyCalculator(PenaltyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public PenaltyRules rules() {
        return rules;
    }

    /**
     * @throws IllegalArgumentException if a day whose rate counts lies before the first known key rate
     */
    public PenaltyStatement calculate(List<PenaltyDebt> debts, LocalDate asOf) {
        List<ChargePenalty> charges = new ArrayList<>();
        long total = 0;
        for (PenaltyDebt debt : debts) {
            ChargePenalty penalty = charge(debt, asOf);
            if (penalty.exact().signum() > 0) {
                charges.add(penalty);
                total = Math.addExact(total, penalty.penalty().kopecks());
            }
        }
        return new PenaltyStatement(asOf, Money.ofKopecks(total), List.copyOf(charges));
    }

    ChargePenalty charge(PenaltyDebt debt, LocalDate asOf) {
        List<PartPenalty> parts = new ArrayList<>();
        Rational sum = Rational.ZERO;
        long unpaid = debt.amount().kopecks();
        for (DebtPart paid : debt.paidParts()) {
            // A part paid after the calculation day is still unpaid on it.
            if (!paid.paidOn().isAfter(asOf)) {
                unpaid -= paid.amount().kopecks();
                for (PartResult part : windows(debt, paid.amount(), paid.paidOn(), paid.paidOn())) {
                    parts.add(part.penalty());
                    sum = sum.plus(part.exact());
                }
            }
        }
        if (unpaid > 0) {
            for (PartResult part : windows(debt, Money.ofKopecks(unpaid), null, asOf)) {
                parts.add(part.penalty());
                sum = sum.plus(part.exact());
            }
        }
        List<PartPenalty> accruing = parts.stream().filter(p -> p.exact().signum() > 0).toList();
        return new ChargePenalty(debt.chargeId(), debt.billingPeriod(), debt.amount(), debt.effectiveDueDate(),
                accruing, sum.toDisplay(), Money.ofKopecks(sum.roundHalfUp()));
    }

    /**
     * A part's penalty in each window between due-date shifts: the days before a shift accrue under the
     * due date in force then (each window through its last day, at the rate of that day); from the shift
     * on the days count afresh from the new due date. Without shifts, the one window of the billed due date.
     */
    private List<PartResult> windows(PenaltyDebt debt, Money amount, LocalDate paidOn, LocalDate through) {
        if (debt.shifts().isEmpty()) {
            return List.of(part(debt.dueDate(), debt.dueDate(), amount, paidOn, through));
        }
        List<PartResult> results = new ArrayList<>();
        LocalDate due = debt.dueDate();
        for (int i = 0; i <= debt.shifts().size(); i++) {
            LocalDate windowEnd = i < debt.shifts().size() ? debt.shifts().get(i).from().minusDays(1) : through;
            LocalDate last = windowEnd.isBefore(through) ? windowEnd : through;
            if (last.isAfter(due)) {
                results.add(part(debt.dueDate(), due, amount, paidOn, last));
            }
            if (i < debt.shifts().size()) {
                due = debt.shifts().get(i).dueDate();
            }
        }
        return results;
    }

    private record PartResult(PartPenalty penalty, Rational exact) {
    }

    /**
     * @param billedDueDate when the debt arose, which decides whether a moratorium limited to older debts
     *                      covers it (a deferral moves the due date, not the day the debt arose)
     */
    private PartResult part(LocalDate billedDueDate, LocalDate dueDate, Money amount, LocalDate paidOn, LocalDate through) {
        long overdue = ChronoUnit.DAYS.between(dueDate, through);
        if (overdue <= 0 || amount.kopecks() <= 0) {
            return new PartResult(new PartPenalty(amount, paidOn, through, 0, null, List.of(), BigDecimal.ZERO),
                    Rational.ZERO);
        }
        int days = Math.toIntExact(overdue);
        AppliedRate rate = rules.rateOn(through);
        BigInteger basisPoints = rate.percent().movePointRight(2).toBigIntegerExact();
        List<BandSegment> segments = new ArrayList<>();
        Rational sum = Rational.ZERO;
        List<PenaltyBand> bands = rules.bands();
        for (int b = 0; b < bands.size(); b++) {
            PenaltyBand band = bands.get(b);
            int first = band.fromDay();
            int last = b + 1 < bands.size() ? Math.min(days, bands.get(b + 1).fromDay() - 1) : days;
            if (first > last) {
                continue;
            }
            // Split the band's days into runs inside and outside moratoria.
            int runStart = first;
            while (runStart <= last) {
                LocalDate startDay = dueDate.plusDays(runStart);
                Moratorium moratorium = rules.moratoriumOn(startDay, billedDueDate);
                int runEnd = runStart;
                while (runEnd < last && Objects.equals(rules.moratoriumOn(dueDate.plusDays(runEnd + 1), billedDueDate), moratorium)) {
                    runEnd++;
                }
                int runDays = runEnd - runStart + 1;
                Rational exact = moratorium != null ? Rational.ZERO
                        : new Rational(BigInteger.valueOf(amount.kopecks()).multiply(basisPoints)
                        .multiply(BigInteger.valueOf(runDays)),
                        BigInteger.valueOf(10_000L * band.denominator()));
                segments.add(new BandSegment(startDay, dueDate.plusDays(runEnd), runStart, runEnd, runDays,
                        band.fraction(), band.source(), moratorium == null ? null : moratorium.source(),
                        exact.toDisplay()));
                sum = sum.plus(exact);
                runStart = runEnd + 1;
            }
        }
        return new PartResult(new PartPenalty(amount, paidOn, through, days, rate, List.copyOf(segments),
                sum.toDisplay()), sum);
    }

    /** A non-negative rational number of kopecks. */
    private record Rational(BigInteger numerator, BigInteger denominator) {

        static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

        Rational plus(Rational other) {
            BigInteger n = numerator.multiply(other.denominator).add(other.numerator.multiply(denominator));
            BigInteger d = denominator.multiply(other.denominator);
            BigInteger gcd = n.gcd(d);
            return gcd.signum() == 0 ? ZERO : new Rational(n.divide(gcd), d.divide(gcd));
        }

        long roundHalfUp() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_UP).longValueExact();
        }

        /** In roubles, for explanations only: never summed or rounded again. */
        BigDecimal toDisplay() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), DISPLAY_SCALE - 2, RoundingMode.HALF_UP)
                    .movePointLeft(2);
        }
    }
}
