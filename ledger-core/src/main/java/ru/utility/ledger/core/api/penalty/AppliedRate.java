package ru.utility.ledger.core.api.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rate used for a debt part and why.
 *
 * @param rateDay the day whose rate counts: the payment day, or the calculation day while unpaid
 * @param rule    KEY_RATE, FIXED or LESSER_OF
 * @param source  the key-rate decision or the decree that set it
 */
public record AppliedRate(LocalDate rateDay, BigDecimal percent, String rule, String source) {
}
