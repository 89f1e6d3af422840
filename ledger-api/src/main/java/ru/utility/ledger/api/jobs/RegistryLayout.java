package ru.utility.ledger.api.jobs;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one bank writes its payment registry: bound from {@code ledger.registry.profiles.<name>.*}, checked at
 * startup ({@link #problems()}), and stored with every job that used it, so a job's pending lines are parsed
 * by the layout they were uploaded with even if the configuration changes before the job ends.
 *
 * @param description     what the layout is, for the operators choosing one
 * @param separator       the one character between columns ({@code ;}, {@code ,}, {@code |} or a tab)
 * @param encoding        a charset name ({@code UTF-8}, {@code windows-1251}, {@code cp866}, {@code KOI8-R}), or
 *                        {@code auto}: UTF-8 when the bytes are valid UTF-8, windows-1251 otherwise. A charset in
 *                        the upload's Content-Type wins over both.
 * @param headerLines     lines at the top of the file that are not payments (skipped, never counted)
 * @param footerLines     non-blank lines at the bottom that are not payments (skipped, never counted)
 * @param columns         where the payment's fields are
 * @param referencePrefix put before the bank's reference to form the payment id, so two banks' references
 *                        cannot collide on one account
 * @param dateFormats     value date patterns tried in order (java.time patterns, e.g. {@code dd.MM.yyyy})
 * @param amount          how amounts (and the control total) are written
 * @param control         the control line with the count of payments and their total
 */
public record RegistryLayout(@DefaultValue("") String description,
                             @DefaultValue(";") String separator,
                             @DefaultValue("auto") String encoding,
                             @DefaultValue("0") int headerLines,
                             @DefaultValue("0") int footerLines,
                             @DefaultValue Columns columns,
                             @DefaultValue("") String referencePrefix,
                             @DefaultValue({"dd.MM.yyyy", "yyyy-MM-dd"}) List<String> dateFormats,
                             @DefaultValue AmountFormat amount,
                             @DefaultValue ControlLine control) {

    static final String AUTO = "auto";

    /**
     * 1-based column positions.
     *
     * @param paymentReference the column(s) forming the bank's unique payment reference, joined by {@code /}
     *                         when more than one (a bank may number operations per branch and day)
     */
    public record Columns(List<Integer> paymentReference, @DefaultValue("0") int accountId,
                          @DefaultValue("0") int amount, @DefaultValue("0") int valueDate) {
    }

    /**
     * @param decimalSeparators  the characters accepted as the decimal point ({@code ".,"}: either)
     * @param groupingSeparators characters between thousands, dropped before reading ({@code " "}, NBSP)
     * @param unit               RUBLES: {@code 1234,50}; KOPECKS: a whole number of kopecks, {@code 123450}
     */
    public record AmountFormat(@DefaultValue(".,") String decimalSeparators,
                               @DefaultValue(" \u00a0") String groupingSeparators,
                               @DefaultValue("RUBLES") AmountUnit unit) {
    }

    public enum AmountUnit { RUBLES, KOPECKS }

    /**
     * The line that closes the file: it starts with {@code marker}; after the marker the line is split by the
     * separator and the count and total are read at their 1-based positions. An empty marker: no control line.
     *
     * @param required the file is refused without a control line
     */
    public record ControlLine(@DefaultValue("") String marker, @DefaultValue("0") int countColumn,
                              @DefaultValue("0") int totalColumn, @DefaultValue("true") boolean required) {

        boolean present() {
            return marker != null && !marker.isEmpty();
        }
    }

    char separatorChar() {
        return separator.charAt(0);
    }

    /** Empty when the layout can be used; otherwise each problem, prefixed with its property path. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (separator == null || separator.length() != 1) {
            problems.add("separator: must be exactly one character, got '" + separator + "'");
        } else if (separator.charAt(0) == '"' || Character.isLetterOrDigit(separator.charAt(0))) {
            problems.add("separator: must not be a quote, letter or digit");
        }
        if (encoding == null || !AUTO.equals(encoding) && !Charset.isSupported(encoding)) {
            problems.add("encoding: '" + encoding + "' is not a charset this JVM knows (e.g. UTF-8, windows-1251, "
                    + "cp866, KOI8-R) and not 'auto'");
        }
        if (headerLines < 0) {
            problems.add("header-lines: must be 0 or more");
        }
        if (footerLines < 0) {
            problems.add("footer-lines: must be 0 or more");
        }
        if (columns == null || columns.paymentReference() == null || columns.paymentReference().isEmpty()) {
            problems.add("columns.payment-reference: must name at least one column");
        } else {
            for (Integer column : columns.paymentReference()) {
                if (column == null || column < 1) {
                    problems.add("columns.payment-reference: positions start at 1, got " + column);
                }
            }
        }
        if (columns != null) {
            position(problems, "columns.account-id", columns.accountId());
            position(problems, "columns.amount", columns.amount());
            position(problems, "columns.value-date", columns.valueDate());
        }
        if (referencePrefix == null || !referencePrefix.matches("[A-Za-z0-9._:/-]{0,20}")) {
            problems.add("reference-prefix: must be at most 20 characters of A-Z, a-z, 0-9 and '.', '_', ':', '/', '-'");
        }
        if (dateFormats == null || dateFormats.isEmpty()) {
            problems.add("date-formats: must name at least one pattern");
        } else {
            for (String pattern : dateFormats) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add("date-formats: '" + pattern + "' is not a date pattern: " + e.getMessage());
                }
            }
        }
        if (amount == null || amount.decimalSeparators() == null || amount.groupingSeparators() == null
                || amount.unit() == null) {
            problems.add("amount: decimal-separators, grouping-separators and unit must be set");
        } else {
            if (amount.unit() == AmountUnit.RUBLES && amount.decimalSeparators().isEmpty()) {
                problems.add("amount.decimal-separators: amounts in rubles need at least one decimal separator");
            }
            for (char c : amount.groupingSeparators().toCharArray()) {
                if (amount.decimalSeparators().indexOf(c) >= 0) {
                    problems.add("amount.grouping-separators: '" + c + "' is also a decimal separator");
                }
                if (Character.isDigit(c)) {
                    problems.add("amount.grouping-separators: must not hold digits");
                }
            }
            if (separator != null && separator.length() == 1
                    && (amount.decimalSeparators() + amount.groupingSeparators()).indexOf(separator.charAt(0)) >= 0) {
                problems.add("amount: the column separator '" + separator + "' cannot also be part of an amount");
            }
        }
        if (control == null) {
            problems.add("control: must be set (an empty marker means no control line)");
        } else if (control.present()) {
            position(problems, "control.count-column", control.countColumn());
            position(problems, "control.total-column", control.totalColumn());
            if (control.countColumn() == control.totalColumn()) {
                problems.add("control: count-column and total-column must differ");
            }
        } else if (control.required()) {
            problems.add("control.required: needs a control.marker");
        }
        return problems;
    }

    private static void position(List<String> problems, String property, int position) {
        if (position < 1) {
            problems.add(property + ": must be a column position from 1, got " + position);
        }
    }
}
