package ru.utility.ledger.api.csv;

import java.util.Locale;

/**
 * How a CSV export is written. {@link #RFC4180} is the default, for machines: comma separators, decimal point, no
 * byte-order mark. {@link #EXCEL} is for a spreadsheet in a Russian locale, which opens a file by double-click
 * only when it is separated by semicolons, has decimal commas and starts with a UTF-8 byte-order mark (without it
 * Cyrillic text is read as windows-1251).
 */
public enum CsvDialect {

    RFC4180(',', '.', false),
    EXCEL(';', ',', true);

    private final char separator;
    private final char decimalSeparator;
    private final boolean byteOrderMark;

    CsvDialect(char separator, char decimalSeparator, boolean byteOrderMark) {
        this.separator = separator;
        this.decimalSeparator = decimalSeparator;
        this.byteOrderMark = byteOrderMark;
    }

    public char separator() {
        return separator;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The request parameter's value: {@code rfc4180} or {@code excel}, any case. */
    public static CsvDialect parse(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "rfc4180" -> RFC4180;
            case "excel" -> EXCEL;
            default -> throw new IllegalArgumentException("must be rfc4180 or excel");
        };
    }
}
