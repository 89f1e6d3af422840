package ru.utility.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.Money;

class CsvWriterTest {

    private static String write(CsvDialect dialect) {
        return CsvWriter.render(dialect, csv -> {
            csv.row("kind", "amount", "rate", "text");
            csv.row("CHARGE", Money.parse("-1234.50"), CsvWriter.decimal("7.50"), CsvWriter.text("Оплата, \"банк\""));
            csv.row(LocalDate.of(2024, 2, 29), new BigDecimal("0.000001"), 42, "a;b");
            csv.row(null, CsvWriter.decimal(null), CsvWriter.text(null), "=HYPERLINK(1)");
        });
    }

    @Test
    void rfc4180IsCommasDecimalPointsNoByteOrderMark() {
        assertThat(write(CsvDialect.RFC4180)).isEqualTo("kind,amount,rate,text\r\n"
                + "CHARGE,-1234.50,7.50,\"Оплата, \"\"банк\"\"\"\r\n"
                + "2024-02-29,0.000001,42,a;b\r\n"
                + ",,,'=HYPERLINK(1)\r\n");
    }

    @Test
    void excelIsSemicolonsDecimalCommasAndAByteOrderMarkOnce() {
        assertThat(write(CsvDialect.EXCEL)).isEqualTo("\uFEFFkind;amount;rate;text\r\n"
                + "CHARGE;-1234,50;7,50;\"Оплата, \"\"банк\"\"\"\r\n"
                + "2024-02-29;0,000001;42;\"a;b\"\r\n"
                + ";;;'=HYPERLINK(1)\r\n");
    }

    @Test
    void theParameterNamesOnlyTheTwoDialects() {
        assertThat(CsvDialect.parse("excel")).isEqualTo(CsvDialect.EXCEL);
        assertThat(CsvDialect.parse("RFC4180")).isEqualTo(CsvDialect.RFC4180);
        assertThatThrownBy(() -> CsvDialect.parse("tsv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be rfc4180 or excel");
    }
}
