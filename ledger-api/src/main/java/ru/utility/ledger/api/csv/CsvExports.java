package ru.utility.ledger.api.csv;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.RequestFields;

/** What every CSV export shares: the {@code dialect} parameter and the response's headers. */
public final class CsvExports {

    public static final MediaType TEXT_CSV_UTF8 = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private CsvExports() {
    }

    /** Parses {@code dialect} (default rfc4180), naming the field on bad input. */
    public static CsvDialect dialect(RequestFields fields, String raw) {
        CsvDialect dialect = fields.optional("dialect", raw, CsvDialect::parse);
        return dialect == null ? CsvDialect.RFC4180 : dialect;
    }

    /** A dialect asked for on an answer that is not CSV is a mistake worth naming, not something to ignore. */
    public static void onlyWithCsv(String rawDialect, boolean csv) {
        if (rawDialect != null && !rawDialect.isBlank() && !csv) {
            throw new InvalidRequestException(java.util.List.of(new FieldError("dialect",
                    "applies only to CSV (format=csv or Accept: text/csv)")));
        }
    }

    public static <T> ResponseEntity<T> attachment(String fileName, T body) {
        return ResponseEntity.ok().contentType(TEXT_CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
                .body(body);
    }
}
