package ru.utility.ledger.projections.statement;

import ru.utility.ledger.core.api.Money;

/**
 * One row of the turnover balance sheet (оборотно-сальдовая ведомость): an account's, a region's or the whole
 * sheet's. Signed like statements: positive raises the debt, negative lowers it; so
 * {@code closing = opening + charged + corrected + paid + reversed + reliefCredits + penaltiesAccrued + writtenOff}.
 *
 * <p>A balance splits into penalties (accrued, less written off, less what payments settled of them) and principal
 * (the rest, so unallocated credit shows as negative principal). {@code paidToPenalties} is the part of the
 * period's payments (net of reversals) that settled penalties, negative; it moves money between the two parts of
 * the balance, not the balance: {@code closingPenalties = openingPenalties + penaltiesAccrued + writtenOff +
 * paidToPenalties}.
 */
public record TurnoverLine(Money openingPrincipal, Money openingPenalties, Money opening, Money charged,
                           Money corrected, Money paid, Money reversed, Money reliefCredits, Money penaltiesAccrued,
                           Money writtenOff, Money paidToPenalties, Money closingPrincipal, Money closingPenalties,
                           Money closing) {

    static TurnoverLine of(long opening, long openingPenalties, long charged, long corrected, long paid, long reversed,
                           long reliefCredits, long penaltiesAccrued, long writtenOff, long paidToPenalties) {
        long closing = Math.addExact(opening, Math.addExact(Math.addExact(Math.addExact(charged, corrected),
                Math.addExact(paid, reversed)), Math.addExact(Math.addExact(reliefCredits, penaltiesAccrued), writtenOff)));
        long closingPenalties = Math.addExact(openingPenalties,
                Math.addExact(Math.addExact(penaltiesAccrued, writtenOff), paidToPenalties));
        return new TurnoverLine(m(Math.subtractExact(opening, openingPenalties)), m(openingPenalties), m(opening),
                m(charged), m(corrected), m(paid), m(reversed), m(reliefCredits), m(penaltiesAccrued), m(writtenOff),
                m(paidToPenalties), m(Math.subtractExact(closing, closingPenalties)), m(closingPenalties), m(closing));
    }

    private static Money m(long kopecks) {
        return Money.ofKopecks(kopecks);
    }
}
