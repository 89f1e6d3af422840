package ru.utility.ledger.api.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.PostCharge;

/**
 * {@code accountId,period,amount[,kWh[,postedOn]]} per line, UTF-8, an optional header line starting with
 * {@code account}. {@code postedOn} (DD.MM.YYYY or ISO) backdates the charge; empty means the day the line is
 * posted. The charge id is the default energy charge of the period, so the same line posted
 * twice (a resent file, a resumed job) is recognised by the account as the same charge.
 */
final class BillingRunFormat {

    private BillingRunFormat() {
    }

    static boolean isHeader(String line) {
        return line.strip().toLowerCase().startsWith("account");
    }

    static JobLine parse(int lineNo, String raw) {
        String[] columns;
        try {
            columns = LineFields.split(raw, raw.indexOf(';') >= 0 && raw.indexOf(',') < 0 ? ';' : ',', 3);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, null, null, LineFields.INVALID_LINE, e.getMessage(), null);
        }
        String account = columns[0];
        String period = columns[1];
        AccountId accountId;
        BillingPeriod billingPeriod;
        Money amount;
        EnergyKwh kwh = null;
        try {
            accountId = AccountId.of(account);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, account, period, LineFields.INVALID_LINE, "accountId " + e.getMessage(), null);
        }
        try {
            billingPeriod = BillingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, account, period, LineFields.INVALID_LINE, "period " + e.getMessage(), null);
        }
        try {
            amount = LineFields.amount(columns[2]);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return JobLine.bad(lineNo, raw, account, period, LineFields.BAD_AMOUNT, "amount " + e.getMessage(), null);
        }
        if (columns.length > 3 && !columns[3].isBlank()) {
            try {
                kwh = EnergyKwh.parse(LineFields.normaliseDecimal(columns[3]));
            } catch (IllegalArgumentException | ArithmeticException e) {
                return JobLine.bad(lineNo, raw, account, period, LineFields.INVALID_LINE, "kWh " + e.getMessage(), null);
            }
        }
        LocalDate postedOn = null;
        if (columns.length > 4 && !columns[4].isBlank()) {
            try {
                postedOn = LineFields.date(columns[4]);
            } catch (DateTimeParseException e) {
                return JobLine.bad(lineNo, raw, account, period, LineFields.INVALID_LINE,
                        "postedOn must be " + LineFields.DATE_FORMATS, null);
            }
        }
        return new JobLine(lineNo, raw, new PostCharge(accountId, null, billingPeriod, amount, kwh, null, postedOn),
                account, period, null, null, columns[2]);
    }
}
