package ru.utility.ledger.core.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official production calendar as data: per year the Government decree that transfers its days off, and
 * the transfers. The shipped values are {@code production-calendar.txt} beside this class.
 *
 * @param decrees the act of every year the data covers, by year
 */
public record ProductionCalendar(Map<Integer, String> decrees, List<DayOffTransfer> transfers) {

    public static final String SHIPPED_RESOURCE = "production-calendar.txt";

    private static final ProductionCalendar SHIPPED = load();

    public ProductionCalendar {
        decrees = Map.copyOf(decrees);
        transfers = List.copyOf(transfers);
    }

    public static ProductionCalendar shipped() {
        return SHIPPED;
    }

    /** The calendar of these transfers and the fixed holidays of Labour Code art. 112. */
    public WorkingDayCalendar calendar() {
        return calendar(Set.of(), Set.of());
    }

    public WorkingDayCalendar calendar(Set<LocalDate> extraHolidays, Set<LocalDate> extraWorkingDays) {
        return new WorkingDayCalendar(WorkingDayCalendar.RUSSIAN_FIXED_HOLIDAYS, transfers, extraHolidays,
                extraWorkingDays);
    }

    /**
     * @throws IllegalArgumentException naming the line, if a line is malformed, a transfer lies outside its
     *                                  year or a year is listed twice
     */
    public static ProductionCalendar parse(String text) {
        Map<Integer, String> decrees = new LinkedHashMap<>();
        List<DayOffTransfer> transfers = new ArrayList<>();
        Integer year = null;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] f = line.split("\\s+", 3);
                switch (f[0]) {
                    case "year" -> {
                        year = Integer.parseInt(f[1]);
                        if (f.length < 3 || f[2].isBlank() || decrees.put(year, f[2]) != null) {
                            throw new IllegalArgumentException("a year is listed once, with its source");
                        }
                    }
                    case "transfer" -> {
                        String[] t = line.split("\\s+", 4);
                        LocalDate from = LocalDate.parse(t[1]);
                        LocalDate to = LocalDate.parse(t[2]);
                        if (year == null || from.getYear() != year || to.getYear() != year) {
                            throw new IllegalArgumentException("a transfer lies inside the year above it");
                        }
                        transfers.add(new DayOffTransfer(from, to, decrees.get(year)));
                    }
                    default -> throw new IllegalArgumentException("unknown rule '" + f[0] + "'");
                }
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("production calendar line " + (i + 1) + " is malformed: " + line, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("production calendar line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new ProductionCalendar(decrees, transfers);
    }

    private static ProductionCalendar load() {
        try (InputStream in = ProductionCalendar.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
