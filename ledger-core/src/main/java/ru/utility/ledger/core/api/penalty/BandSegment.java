package ru.utility.ledger.core.api.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A run of overdue days of one debt part inside one band, either wholly inside a moratorium or wholly
 * outside one.
 *
 * @param fromDay    the first overdue day number (day 1 is the day after the due date)
 * @param fraction   "1/300", "1/130", ...
 * @param moratorium the moratorium's source when these days accrue nothing because of it, else null
 * @param amount     the exact penalty in roubles for these days (rounded to 6 places for display only)
 */
public record BandSegment(LocalDate from, LocalDate through, int fromDay, int throughDay, int days, String fraction,
                          String bandSource, String moratorium, BigDecimal amount) {
}
