package ru.utility.ledger.api.jobs;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.RecordPayment;

/**
 * Reads a bank's payment registry in one profile's layout ({@link RegistryLayout}): one payment per line,
 * the payment reference being the bank's unique id for the payment, so a resent registry records nothing
 * twice. The {@code default} profile is {@code paymentReference;accountId;amount;valueDate[;payer]} with the
 * control line {@code =;count;total} last.
 */
final class PaymentRegistryFormat {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    private final RegistryProfile profile;
    private final RegistryLayout layout;
    private final char separator;
    private final List<DateTimeFormatter> dates;
    private final String dateFormats;
    private final int minColumns;

    PaymentRegistryFormat(RegistryProfile profile) {
        this.profile = profile;
        this.layout = profile.layout();
        this.separator = layout.separatorChar();
        // Strict: the default resolver would read 31.02.2026 as 28 February; strict needs uuuu, not yyyy (era).
        this.dates = layout.dateFormats().stream()
                .map(pattern -> DateTimeFormatter.ofPattern(pattern.replace('y', 'u'))
                        .withResolverStyle(ResolverStyle.STRICT))
                .toList();
        this.dateFormats = layout.dateFormats().stream()
                .map(pattern -> pattern.replace('d', 'D').replace('y', 'Y').replace('u', 'Y'))
                .collect(Collectors.joining(" or "));
        RegistryLayout.Columns columns = layout.columns();
        this.minColumns = Math.max(Math.max(columns.accountId(), columns.amount()),
                Math.max(columns.valueDate(), columns.paymentReference().stream().mapToInt(Integer::intValue).max()
                        .orElse(1)));
    }

    RegistryProfile profile() {
        return profile;
    }

    /** The profile's fixed charset, or null when the profile leaves it to detection. */
    Charset charset() {
        return RegistryLayout.AUTO.equals(layout.encoding()) ? null : Charset.forName(layout.encoding());
    }

    int headerLines() {
        return layout.headerLines();
    }

    int footerLines() {
        return layout.footerLines();
    }

    boolean hasControl() {
        return layout.control().present();
    }

    boolean controlRequired() {
        return layout.control().present() && layout.control().required();
    }

    boolean isControlLine(String line) {
        return hasControl() && line.strip().startsWith(layout.control().marker());
    }

    /** How the control line looks, for the message when it is missing. */
    String controlShape() {
        RegistryLayout.ControlLine control = layout.control();
        int columns = Math.max(control.countColumn(), control.totalColumn());
        StringBuilder shape = new StringBuilder(control.marker());
        for (int i = 1; i <= columns; i++) {
            if (i > 1) {
                shape.append(separator);
            }
            shape.append(i == control.countColumn() ? "count" : i == control.totalColumn() ? "total" : "");
        }
        return shape.toString();
    }

    /** The count of data lines and the sum of their amounts, as the control line states them. */
    record Control(long count, BigDecimal total) {
    }

    Control control(String line) {
        RegistryLayout.ControlLine control = layout.control();
        String rest = line.strip().substring(control.marker().length());
        String[] columns = LineFields.split(rest, separator, Math.max(control.countColumn(), control.totalColumn()));
        long count;
        try {
            count = Long.parseLong(columns[control.countColumn() - 1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the control count is not a whole number");
        }
        BigDecimal total = decimalOrNull(columns[control.totalColumn() - 1]);
        if (total == null) {
            throw new IllegalArgumentException("the control total is not a number");
        }
        return new Control(count, total);
    }

    /** The exact value of an amount column in rubles for the control total, or null if it is not a number. */
    BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(rubles(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The amount as a plain decimal of rubles ({@code 1234.50}): grouping characters dropped, the profile's
     * decimal separator read as the point; a point or comma the profile does not allow is refused rather than
     * guessed at (in {@code 1.234,50} the point is a thousands separator, in {@code 1,234.50} the comma).
     */
    String rubles(String text) {
        RegistryLayout.AmountFormat format = layout.amount();
        StringBuilder plain = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (format.groupingSeparators().indexOf(c) >= 0) {
                continue;
            }
            if (format.unit() == RegistryLayout.AmountUnit.RUBLES && format.decimalSeparators().indexOf(c) >= 0) {
                plain.append('.');
            } else if (c == '.' || c == ',') {
                throw new IllegalArgumentException(format.unit() == RegistryLayout.AmountUnit.KOPECKS
                        ? "must be a whole number of kopecks in profile " + profile.name()
                        : "must use " + quoted(format.decimalSeparators()) + " as the decimal separator in profile "
                        + profile.name());
            } else {
                plain.append(c);
            }
        }
        if (format.unit() == RegistryLayout.AmountUnit.KOPECKS) {
            if (!WHOLE_NUMBER.matcher(plain).matches()) {
                throw new IllegalArgumentException("must be a whole number of kopecks in profile " + profile.name());
            }
            return new BigDecimal(plain.toString()).movePointLeft(2).toPlainString();
        }
        return plain.toString();
    }

    Money amount(String text) {
        return Money.parse(rubles(text)).requirePositiveInput();
    }

    LocalDate date(String text) throws DateTimeParseException {
        String date = text.strip();
        DateTimeParseException last = null;
        for (DateTimeFormatter format : dates) {
            try {
                return LocalDate.parse(date, format);
            } catch (DateTimeParseException e) {
                last = e;
            }
        }
        throw last;
    }

    JobLine parse(int lineNo, String raw) {
        RegistryLayout.Columns positions = layout.columns();
        String[] columns;
        try {
            columns = LineFields.split(raw, separator, minColumns);
        } catch (IllegalArgumentException e) {
            return JobLine.bad(lineNo, raw, null, null, LineFields.INVALID_LINE, e.getMessage(), null);
        }
        String reference = layout.referencePrefix() + positions.paymentReference().stream()
                .map(column -> columns[column - 1]).collect(Collectors.joining("/"));
        String account = columns[positions.accountId() - 1];
        String amountText = columns[positions.amount() - 1];
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
            amount = amount(amountText);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.BAD_AMOUNT, "amount " + e.getMessage(),
                    amountText);
        }
        try {
            valueDate = date(columns[positions.valueDate() - 1]);
        } catch (DateTimeParseException e) {
            return JobLine.bad(lineNo, raw, account, reference, LineFields.INVALID_LINE,
                    "value date must be " + dateFormats, amountText);
        }
        return new JobLine(lineNo, raw, new RecordPayment(accountId, paymentId, amount, PaymentChannel.BANK_REGISTRY,
                valueDate, null), account, reference, null, null, amountText);
    }

    private static String quoted(String characters) {
        return characters.chars().mapToObj(c -> "'" + (char) c + "'").collect(Collectors.joining(" or "));
    }
}
