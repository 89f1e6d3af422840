package ru.utility.ledger.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.penalty.PenaltyCalculationTable;

/** Response bodies of the penalty calculation endpoints ({@link PenaltyCalculationController}). */
public final class PenaltyCalculationResponses {

    private PenaltyCalculationResponses() {
    }

    /** @param holderName from the balances projection; null while it has not caught up with a new account */
    public record PenaltyCalculationResponse(AccountId accountId, String holderName, LocalDate asOf, List<Row> rows,
                                             List<ChargeTotal> charges, Money total, int moratoriumDays,
                                             Money moratoriumForgone) {
    }

    /** A row as JSON: exact amounts and the rate as decimal strings (never JSON numbers), as everywhere. */
    public record Row(int number, String chargeId, String billingPeriod, LocalDate dueDate, Money debt,
                      LocalDate paidOn, LocalDate from, LocalDate through, int days, String overdueDays,
                      String ratePercent, LocalDate rateDay, String rateRule, String fraction, String formula,
                      String moratorium, int moratoriumDays, String moratoriumAmount, String penalty) {
        static Row of(PenaltyCalculationTable.Row r) {
            return new Row(r.number(), r.chargeId().value(), r.billingPeriod().toString(), r.dueDate(), r.debt(),
                    r.paidOn(), r.from(), r.through(), r.days(), r.fromDay() + "-" + r.throughDay(),
                    plain(r.ratePercent()), r.rateDay(), r.rateRule(), r.fraction(), r.formula(), r.moratorium(),
                    r.moratoriumDays(), plain(r.moratoriumAmount()), plain(r.penalty()));
        }
    }

    /** @param penalty the charge's exact sum rounded once half-up */
    public record ChargeTotal(String chargeId, String billingPeriod, String exact, Money penalty) {
        static ChargeTotal of(PenaltyCalculationTable.Subtotal s) {
            return new ChargeTotal(s.chargeId().value(), s.billingPeriod().toString(), plain(s.exact()), s.penalty());
        }
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
