package ru.utility.ledger.api.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.function.Consumer;

import ru.utility.ledger.core.api.Money;

/**
 * The one CSV writer of every export, in either {@link CsvDialect}. Rows end in CRLF (RFC 4180 section 2.1).
 * Cells are typed so the dialect can write them: {@link #text} (free text: always quoted), {@link #decimal} (amounts
 * and rates: the dialect's decimal separator), {@link Money} (a decimal), and anything else as its string, quoted
 * only when it holds a separator, a quote or a line break. Any string that starts like a formula
 * ({@code = + - @}, tab, CR) gets a leading apostrophe so a spreadsheet never runs it: exports carry text from
 * uploaded files and callers.
 *
 * <p>I/O failures surface as {@link UncheckedIOException}; streaming callers unwrap them.
 */
public final class CsvWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;
    private final CsvDialect dialect;
    private boolean started;

    public CsvWriter(Writer out, CsvDialect dialect) {
        this.out = out;
        this.dialect = dialect;
    }

    /** Builds a whole (small) document in memory. */
    public static String render(CsvDialect dialect, Consumer<CsvWriter> rows) {
        StringWriter text = new StringWriter();
        rows.accept(new CsvWriter(text, dialect));
        return text.toString();
    }

    /** Free text: always quoted. */
    public static Cell text(String value) {
        return new Cell(value, Kind.TEXT);
    }

    /** A decimal number given as a plain string ({@code 7.50}), a BigDecimal or Money. */
    public static Cell decimal(Object value) {
        return new Cell(value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString(),
                Kind.DECIMAL);
    }

    public CsvDialect dialect() {
        return dialect;
    }

    /** Writes one row; a null cell is empty. */
    public CsvWriter row(Object... cells) {
        StringBuilder line = new StringBuilder();
        if (!started && dialect.byteOrderMark()) {
            line.append(BYTE_ORDER_MARK);
        }
        started = true;
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(dialect.separator());
            }
            line.append(cell(cells[i]));
        }
        line.append("\r\n");
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Cell c when c.value() == null -> "";
            case Cell c when c.kind() == Kind.TEXT -> quote(neutralise(c.value()));
            case Cell c -> number(c.value());
            case Money m -> number(m.toDecimalString());
            case BigDecimal d -> number(d.toPlainString());
            case Number n -> n.toString();
            default -> plain(value.toString());
        };
    }

    private String number(String plain) {
        return dialect.decimalSeparator() == '.' ? plain : plain.replace('.', dialect.decimalSeparator());
    }

    private String plain(String value) {
        String safe = neutralise(value);
        boolean needsQuotes = safe.indexOf(dialect.separator()) >= 0 || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return needsQuotes ? quote(safe) : safe;
    }

    private static String neutralise(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    public enum Kind { TEXT, DECIMAL }

    /** A cell whose kind the writer cannot tell from its Java type. */
    public record Cell(String value, Kind kind) {
    }
}
