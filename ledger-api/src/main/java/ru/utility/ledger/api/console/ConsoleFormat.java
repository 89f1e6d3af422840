package ru.utility.ledger.api.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import ru.utility.ledger.core.api.Money;

/**
 * How the console writes money, dates and times in every language: {@code 1 234,50 ₽}, {@code ДД.ММ.ГГГГ},
 * Moscow time. Templates call it as {@code @fmt}.
 */
@Component("fmt")
public class ConsoleFormat {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A no-break space keeps the digits of an amount, and the amount and its sign, on one line. */
    static final char NBSP = '\u00A0';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(MOSCOW);

    public String money(Money money) {
        return money == null ? "" : money(money.kopecks());
    }

    public String money(long kopecks) {
        StringBuilder digits = new StringBuilder(Long.toString(Math.abs(kopecks / 100)));
        for (int i = digits.length() - 3; i > 0; i -= 3) {
            digits.insert(i, NBSP);
        }
        long cents = Math.abs(kopecks % 100);
        return (kopecks < 0 ? "−" : "") + digits + ',' + (cents < 10 ? "0" : "") + cents + NBSP + '₽';
    }

    /** An amount as a plain decimal for chart data (roubles). */
    public double roubles(Money money) {
        return money == null ? 0 : money.kopecks() / 100.0;
    }

    /** ДД.ММ for chart axes. */
    static String shortDate(LocalDate date) {
        return DateTimeFormatter.ofPattern("dd.MM").format(date);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** A date for an {@code <input type="date">}, which takes ISO whatever the page's language. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** Seconds as m:ss, for an ETA. */
    public String duration(Number seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.round(seconds.doubleValue());
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
