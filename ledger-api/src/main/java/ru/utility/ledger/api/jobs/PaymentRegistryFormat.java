package ru.utility.ledger.api.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.RecordPayment;

/**
 * A bank's payment registry: {@code paymentReference;accountId;amount;valueDate[;payer]} per line,
 * separated by semicolons, amounts with a comma or a dot, dates as {@code DD.MM.YYYY} or ISO; UTF-8 or
 * windows-1251. The last line is the control line {@code =;count;total}. The payment reference is the
 * bank's unique id for the payment, so a resent registry records nothing twice.
 */
final class PaymentRegistryFormat {

    private PaymentRegistryFormat() {
    }

    static boolean isControlLine(String line) {
        return line.strip().startsWith("=");
    }

    /** {@code =;count;total}: the count of data lines and the sum of their amounts. */
    record Control(long count, java.math.BigDecimal total) {
        static Control parse(String line) {
            String[] columns = LineFields.split(line, ';', 3);
            try {
                long count = Long.parseLong(columns[1]);
                java.math.BigDecimal total = LineFields.decimalOrNull(columns[2]);
                if (total == null) {
                    throw new IllegalArgumentException("the control total is not a number");
                }
                return new Control(count, total);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the control count is not a whole number");
            }
        }
    }

    static JobLine parse(int lineNo, String raw) {
        String[] columns;
        try {
            columns = LineFields.split(raw, ';', 4);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, null, null, LineFields.INVALID_LINE, e.getMessage(), null);
        }
        String reference = columns[0];
        String account = columns[1];
        String amountText = columns[2];
        PaymentId paymentId;
        AccountId accountId;
        Money amount;
        LocalDate valueDate;
        try {
            paymentId = PaymentId.of(reference);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.INVALID_LINE,
                    "payment reference " + e.getMessage(), amountText);
        }
        try {
            accountId = AccountId.of(account);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.INVALID_LINE,
                    "accountId " + e.getMessage(), amountText);
        }
        try {
            amount = LineFields.amount(amountText);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.BAD_AMOUNT, "amount " + e.getMessage(),
                    amountText);
        }
        try {
            valueDate = LineFields.date(columns[3]);
        } catch (DateTimeParseException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.INVALID_LINE,
                    "value date must be " + LineFields.DATE_FORMATS, amountText);
        }
        return new JobLine(lineNo, raw, new RecordPayment(accountId, paymentId, amount, PaymentChannel.BANK_REGISTRY,
                valueDate, null), account, reference, null, null, amountText);
    }
}
