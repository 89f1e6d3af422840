package ru.utility.ledger.api.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import ru.utility.ledger.core.api.Money;

/** Parsing helpers of billing runs and the split shared with registries; each failure names the column. */
final class LineFields {

    static final String BAD_AMOUNT = "BAD_AMOUNT";
    static final String INVALID_LINE = "INVALID_LINE";
    static final String DATE_FORMATS = "DD.MM.YYYY or YYYY-MM-DD";

    // Strict: the default resolver would read 31.02.2026 as 28 February.
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private LineFields() {
    }

    /** Banks write "1234,50" as often as "1234.50"; both mean the same kopecks. */
    static String normaliseDecimal(String text) {
        return text.strip().replace(',', '.').replace(" ", "").replace("\u00a0", "");
    }

    /** A positive amount within the input limits, or an IllegalArgumentException naming the problem. */
    static Money amount(String text) {
        return Money.parse(normaliseDecimal(text)).requirePositiveInput();
    }

    /** A date as Russian files write it ({@code 05.11.2026}) or in ISO form. */
    static LocalDate date(String text) throws DateTimeParseException {
        String date = text.strip();
        return date.contains(".") ? LocalDate.parse(date, RUSSIAN_DATE) : LocalDate.parse(date);
    }

    /** Splits one CSV line; a column in double quotes may contain the separator and doubled quotes. */
    static String[] split(String line, char separator, int minColumns) {
        java.util.List<String> columns = new java.util.ArrayList<>();
        StringBuilder column = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    column.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    column.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                columns.add(column.toString().strip());
                column.setLength(0);
            } else {
                column.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted column is not closed");
        }
        columns.add(column.toString().strip());
        if (columns.size() < minColumns) {
            throw new IllegalArgumentException("expected at least " + minColumns + " columns separated by '"
                    + separator + "'");
        }
        return columns.toArray(String[]::new);
    }
}
