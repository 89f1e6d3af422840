package ru.utility.ledger.projections.overdue;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;

/**
 * One account of the overdue list.
 *
 * @param overdueAmount  the unpaid principal of the account's charges whose due date has passed
 * @param oldestDueDate  due date of the oldest of them; {@code daysOverdue} and {@code bucket} follow from it
 * @param overdueCharges how many charges are (partly) unpaid past their due date
 * @param timeBarredAmount the part of {@code overdueAmount} more than three years past due: still owed, but
 *                         no longer claimable in court, and not taken from payments that do not name its period
 */
public record OverdueAccount(AccountId accountId, RegionCode regionCode, List<SocialCategory> categories,
                             Money overdueAmount, LocalDate oldestDueDate, long daysOverdue, AgingBucket bucket,
                             int overdueCharges, Money timeBarredAmount) {

    public OverdueAccount {
        categories = List.copyOf(categories);
    }
}
