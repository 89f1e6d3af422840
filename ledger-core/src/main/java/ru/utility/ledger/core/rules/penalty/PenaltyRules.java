package ru.utility.ledger.core.rules.penalty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import ru.utility.ledger.core.api.penalty.AppliedRate;
import ru.utility.ledger.core.api.penalty.Moratorium;

/**
 * The effective-dated penalty law as data: bands, key-rate history, moratoria and fixed-rate windows.
 * The shipped values are {@code penalty-rules.txt} beside this class; a deployment may replace them with
 * its own file in the same format (see {@link #parse}).
 */
public final class PenaltyRules {

    public static final String SHIPPED_RESOURCE = "penalty-rules.txt";

    private final List<PenaltyBand> bands;
    private final List<KeyRate> keyRates;
    private final List<Moratorium> moratoria;
    private final List<FixedRateWindow> fixedRates;

    public PenaltyRules(List<PenaltyBand> bands, List<KeyRate> keyRates, List<Moratorium> moratoria,
                        List<FixedRateWindow> fixedRates) {
        this.bands = bands.stream().sorted(Comparator.comparingInt(PenaltyBand::fromDay)).toList();
        this.keyRates = keyRates.stream().sorted(Comparator.comparing(KeyRate::effectiveFrom)).toList();
        this.moratoria = List.copyOf(moratoria);
        this.fixedRates = List.copyOf(fixedRates);
        if (this.bands.isEmpty() || this.keyRates.isEmpty()) {
            throw new IllegalArgumentException("penalty rules need at least one band and one key rate");
        }
        if (this.bands.stream().map(PenaltyBand::fromDay).distinct().count() != bands.size()) {
            throw new IllegalArgumentException("two penalty bands start on the same overdue day");
        }
        if (this.keyRates.stream().map(KeyRate::effectiveFrom).distinct().count() != keyRates.size()) {
            throw new IllegalArgumentException("two key rates take effect on the same day");
        }
        for (int i = 0; i < this.fixedRates.size(); i++) {
            for (int j = i + 1; j < this.fixedRates.size(); j++) {
                FixedRateWindow a = this.fixedRates.get(i);
                FixedRateWindow b = this.fixedRates.get(j);
                if (!a.from().isAfter(b.through()) && !b.from().isAfter(a.through())) {
                    throw new IllegalArgumentException("fixed-rate windows overlap: " + a.from() + " and " + b.from());
                }
            }
        }
    }

    /** The rules shipped with the ledger. */
    public static PenaltyRules shipped() {
        try (InputStream in = PenaltyRules.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped penalty rules " + SHIPPED_RESOURCE + " are missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads rules in the format of the shipped file: one rule per line, {@code #} comments.
     *
     * @throws IllegalArgumentException naming the line of the first mistake
     */
    public static PenaltyRules parse(String text) {
        List<PenaltyBand> bands = new ArrayList<>();
        List<KeyRate> keyRates = new ArrayList<>();
        List<Moratorium> moratoria = new ArrayList<>();
        List<FixedRateWindow> fixedRates = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String kind = line.split("\\s+", 2)[0];
                String[] f = line.split("\\s+", "fixed-rate".equals(kind) ? 6 : "debt-moratorium".equals(kind) ? 5 : 4);
                switch (kind) {
                    case "band" -> bands.add(new PenaltyBand(Integer.parseInt(f[1]), Integer.parseInt(f[2]), rest(f, 3)));
                    case "key-rate" -> keyRates.add(new KeyRate(LocalDate.parse(f[1]), new BigDecimal(f[2]), rest(f, 3)));
                    case "moratorium" -> moratoria.add(new Moratorium(LocalDate.parse(f[1]), LocalDate.parse(f[2]), rest(f, 3)));
                    case "debt-moratorium" -> moratoria.add(new Moratorium(LocalDate.parse(f[1]), LocalDate.parse(f[2]),
                            LocalDate.parse(f[3]), rest(f, 4)));
                    case "fixed-rate" -> fixedRates.add(new FixedRateWindow(LocalDate.parse(f[1]), LocalDate.parse(f[2]),
                            new BigDecimal(f[3]), FixedRateWindow.Mode.valueOf(f[4]), rest(f, 5)));
                    default -> throw new IllegalArgumentException("unknown rule '" + f[0] + "'");
                }
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("penalty rules line " + (i + 1) + " is malformed: " + line, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("penalty rules line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new PenaltyRules(bands, keyRates, moratoria, fixedRates);
    }

    public List<PenaltyBand> bands() {
        return bands;
    }

    public List<KeyRate> keyRates() {
        return keyRates;
    }

    public List<Moratorium> moratoria() {
        return moratoria;
    }

    public List<FixedRateWindow> fixedRates() {
        return fixedRates;
    }

    /**
     * The rate for a debt whose rate counts on {@code day}.
     *
     * @throws IllegalArgumentException if the day is before the first key rate in the table
     */
    public AppliedRate rateOn(LocalDate day) {
        KeyRate key = keyRates.stream()
                .filter(rate -> !rate.effectiveFrom().isAfter(day))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new IllegalArgumentException("no key rate is known for " + day
                        + "; the penalty rules start on " + keyRates.getFirst().effectiveFrom()));
        for (FixedRateWindow window : fixedRates) {
            if (window.covers(day)) {
                if (window.mode() == FixedRateWindow.Mode.FIXED || window.percent().compareTo(key.percent()) < 0) {
                    return new AppliedRate(day, window.percent(), window.mode().name(), window.source());
                }
                return new AppliedRate(day, key.percent(), FixedRateWindow.Mode.LESSER_OF.name(),
                        window.source() + "; key rate " + key.percent() + "% is the lesser (" + key.source() + ")");
            }
        }
        return new AppliedRate(day, key.percent(), "KEY_RATE", key.source());
    }

    /**
     * These rules with further moratoria, e.g. the windows of launched PENALTY_MORATORIUM programmes. The
     * calculator stays pure: whoever knows the programmes builds the rules it is given.
     */
    public PenaltyRules withMoratoria(List<Moratorium> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<Moratorium> all = new ArrayList<>(moratoria);
        all.addAll(extra);
        return new PenaltyRules(bands, keyRates, all, fixedRates);
    }

    /** A moratorium covering every debt on {@code day}, or null. */
    public Moratorium moratoriumOn(LocalDate day) {
        return moratoria.stream().filter(m -> m.coversEveryDebt() && m.covers(day)).findFirst().orElse(null);
    }

    /** The moratorium under which a debt billed as due on {@code debtDueDate} accrues nothing on {@code day}, or null. */
    public Moratorium moratoriumOn(LocalDate day, LocalDate debtDueDate) {
        return moratoria.stream().filter(m -> m.covers(day, debtDueDate)).findFirst().orElse(null);
    }

    static void requirePercent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a rate must be between 0 and 100 percent: " + percent);
        }
    }

    static void requireWindow(LocalDate from, LocalDate through) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(through, "through");
        if (through.isBefore(from)) {
            throw new IllegalArgumentException("a window ends before it starts: " + from + " to " + through);
        }
    }

    private static String rest(String[] fields, int index) {
        if (fields.length <= index || fields[index].isBlank()) {
            throw new IllegalArgumentException("every rule names its source");
        }
        return fields[index];
    }
}
