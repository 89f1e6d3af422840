package ru.utility.ledger.core.api.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The penalty on one part of a charge.
 *
 * @param paidOn        the payment's value date; null for the part still unpaid on the calculation day
 * @param accruesThrough the last day counted: the payment day or the calculation day
 * @param overdueDays   days from the day after the due date through {@code accruesThrough}; 0 if paid on time
 * @param rate          null when the part was never overdue
 * @param exact         the exact penalty in roubles (6 places for display only)
 */
public record PartPenalty(ru.utility.ledger.core.api.Money amount, LocalDate paidOn, LocalDate accruesThrough,
                          int overdueDays, AppliedRate rate, List<BandSegment> segments, BigDecimal exact) {
}
