package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.RecordPayment;

/** Reading registry lines in each shipped profile and in layouts an operator might configure. */
class PaymentRegistryFormatTest {

    private static final Charset CP866 = Charset.forName("cp866");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");

    @Test
    void theDefaultProfileReadsTheFormatBeforeProfilesExisted() {
        PaymentRegistryFormat format = ShippedRegistryProfiles.format("default");

        RecordPayment comma = payment(format.parse(1, "SBER-000123;77-0001-2345;1000,50;20.11.2026;Иванова"));
        RecordPayment dot = payment(format.parse(2, "SBER-000124;77-0001-2346;1 250.05;2026-11-21"));

        assertThat(comma.paymentId().value()).isEqualTo("SBER-000123");
        assertThat(comma.accountId().value()).isEqualTo("77-0001-2345");
        assertThat(comma.amount()).isEqualTo(Money.ofKopecks(100_050));
        assertThat(comma.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(dot.amount()).isEqualTo(Money.ofKopecks(125_005));
        assertThat(dot.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(format.charset()).as("auto: UTF-8 or windows-1251 by the bytes").isNull();
        assertThat(format.isControlLine("=;2;2250,55")).isTrue();
        assertThat(format.control("=;2;2250,55")).isEqualTo(new PaymentRegistryFormat.Control(2,
                new BigDecimal("2250.55")));
    }

    @Test
    void theDefaultProfileKeepsItsErrorMessages() {
        PaymentRegistryFormat format = ShippedRegistryProfiles.format("default");

        JobLine date = format.parse(3, "R-1;77-0001-2345;10.00;31.02.2026");
        JobLine columns = format.parse(4, "R-1;77-0001-2345;10.00");
        JobLine amount = format.parse(5, "R-1;77-0001-2345;12.345;20.11.2026");

        assertThat(date.errorCode()).isEqualTo("INVALID_LINE");
        assertThat(date.errorReason()).isEqualTo("value date must be DD.MM.YYYY or YYYY-MM-DD");
        assertThat(columns.errorReason()).isEqualTo("expected at least 4 columns separated by ';'");
        assertThat(amount.errorCode()).isEqualTo("BAD_AMOUNT");
        assertThat(amount.errorReason()).isEqualTo("amount must have at most 2 decimal places");
    }

    @Test
    void theSberProfileReadsACp866LineWithDashedDatesAndADecimalComma() throws IOException {
        PaymentRegistryFormat format = ShippedRegistryProfiles.format("sber");
        byte[] file = ("20-11-2026;10-15-32;8626;00012;4711;77-0001-2345;ИВАНОВА МАРИЯ ПЕТРОВНА;"
                + "Г.МОСКВА, УЛ.ЛЕНИНА, 1-5;1026;1 000,50\r\n=1;1000,50\r\n").getBytes(CP866);

        assertThat(format.charset()).isEqualTo(CP866);
        List<DataLines.Line> lines = read(file, format);
        assertThat(lines).hasSize(2);
        JobLine line = format.parse(lines.get(0).number(), lines.get(0).text());
        RecordPayment payment = payment(line);

        assertThat(line.raw()).contains("ИВАНОВА МАРИЯ ПЕТРОВНА");
        assertThat(payment.paymentId().value()).isEqualTo("SB/20-11-2026/8626/00012/4711");
        assertThat(payment.accountId().value()).isEqualTo("77-0001-2345");
        assertThat(payment.amount()).isEqualTo(Money.ofKopecks(100_050));
        assertThat(payment.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(format.isControlLine(lines.get(1).text())).isTrue();
        assertThat(format.control(lines.get(1).text()))
                .isEqualTo(new PaymentRegistryFormat.Control(1, new BigDecimal("1000.50")));
    }

    @Test
    void theSberProfileRefusesADecimalPointItDoesNotUse() {
        PaymentRegistryFormat format = ShippedRegistryProfiles.format("sber");

        JobLine point = format.parse(1, "20-11-2026;10-15-32;8626;00012;4711;77-0001-2345;ИВАНОВА;адрес;1026;1000.50");

        assertThat(point.errorCode()).isEqualTo("BAD_AMOUNT");
        assertThat(point.errorReason()).isEqualTo("amount must use ',' as the decimal separator in profile sber");
        assertThat(format.decimalOrNull("1000.50")).as("a control total in the wrong form is no number").isNull();
    }

    @Test
    void aKoi8HeaderAndFooterAreSkippedAndKopecksAndThousandsAreRead() throws IOException {
        RegistryLayout layout = layout("KOI8-R", 2, 1, ".", "RUBLES", "'");
        PaymentRegistryFormat format = new PaymentRegistryFormat(new RegistryProfile("koi", layout));
        byte[] file = """
                Реестр платежей за ноябрь
                Лицевой счёт|Сумма|Дата|Плательщик

                77-0001-2345|1'234.50|20.11.2026|Сидоров Сидор
                77-0001-2346|0.01|21.11.2026|Ёлкина Жанна
                #2|1234.51
                Исполнитель: Кузнецова
                """.getBytes(KOI8_R);

        List<DataLines.Line> lines = read(file, format);

        assertThat(lines).extracting(DataLines.Line::number).containsExactly(4, 5, 6);
        assertThat(lines.get(1).text()).endsWith("Ёлкина Жанна");
        assertThat(payment(format.parse(4, lines.get(0).text())).amount()).isEqualTo(Money.ofKopecks(123_450));
        assertThat(payment(format.parse(4, lines.get(0).text())).paymentId().value()).isEqualTo("K-77-0001-2345/20.11.2026");
        assertThat(format.control(lines.get(2).text()))
                .isEqualTo(new PaymentRegistryFormat.Control(2, new BigDecimal("1234.51")));

        PaymentRegistryFormat kopecks = new PaymentRegistryFormat(new RegistryProfile("kop",
                layout("KOI8-R", 0, 0, "", "KOPECKS", " ")));
        assertThat(payment(kopecks.parse(1, "77-0001-2345|123 450|20.11.2026")).amount())
                .isEqualTo(Money.ofKopecks(123_450));
        assertThat(kopecks.parse(2, "77-0001-2345|1234.50|20.11.2026").errorReason())
                .isEqualTo("amount must be a whole number of kopecks in profile kop");
        assertThat(kopecks.decimalOrNull("123450")).isEqualByComparingTo("1234.50");
    }

    @Test
    void cyrillicInCp866AndKoi8DecodesOnlyInItsOwnCharset() throws IOException {
        String header = "Реестр платежей ПАО Банк, ноябрь";
        PaymentRegistryFormat cp866 = new PaymentRegistryFormat(new RegistryProfile("dos",
                layout("cp866", 0, 0, ".", "RUBLES", "")));

        assertThat(read(header.getBytes(CP866), cp866).getFirst().text()).isEqualTo(header);
        assertThat(new String(header.getBytes(KOI8_R), CP866)).isNotEqualTo(header);
        // windows-1251 leaves 0x98 unassigned: such a file is not valid windows-1251 and is refused whole.
        assertThatThrownBy(() -> new DataLines(new ByteArrayInputStream(new byte[] {'a', (byte) 0x98, '\n'}),
                Charset.forName("windows-1251"), 1024, 0, 0).next()).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws IOException {
        PaymentRegistryFormat format = ShippedRegistryProfiles.format("default");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] line = "R-1;77-0001-2345;10,00;20.11.2026\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + line.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(line, 0, file, bom.length, line.length);

        DataLines.Line first = new DataLines(new ByteArrayInputStream(file), StandardCharsets.UTF_8, 1024, 0, 0).next();

        assertThat(payment(format.parse(first.number(), first.text())).paymentId().value()).isEqualTo("R-1");
    }

    /** accountId|amount|date[|payer], reference K-<account>/<date>, control #count|total. */
    private static RegistryLayout layout(String encoding, int header, int footer, String decimal, String unit,
                                         String grouping) {
        return new RegistryLayout("test", "|", encoding, header, footer,
                new RegistryLayout.Columns(List.of(1, 3), 1, 2, 3), "K-", List.of("dd.MM.yyyy"),
                new RegistryLayout.AmountFormat(decimal, grouping, RegistryLayout.AmountUnit.valueOf(unit)),
                new RegistryLayout.ControlLine("#", 1, 2, true));
    }

    private static List<DataLines.Line> read(byte[] file, PaymentRegistryFormat format) throws IOException {
        Charset charset = format.charset();
        DataLines lines = new DataLines(new ByteArrayInputStream(file), charset, 1024, format.headerLines(),
                format.footerLines());
        List<DataLines.Line> read = new ArrayList<>();
        DataLines.Line line;
        while ((line = lines.next()) != null) {
            read.add(line);
        }
        return read;
    }

    private static RecordPayment payment(JobLine line) {
        assertThat(line.good()).as(line.errorReason()).isTrue();
        return (RecordPayment) line.command();
    }
}
