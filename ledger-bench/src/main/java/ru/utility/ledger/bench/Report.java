package ru.utility.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one run: a table on stdout and the same as JSON. */
final class Report {

    record Row(String name, double value, String unit, String comparedTo, Double ratio, String target) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> environment = new LinkedHashMap<>();

    void environment(String key, Object value) {
        environment.put(key, value);
    }

    void add(String name, double value, String unit) {
        rows.add(new Row(name, value, unit, null, null, null));
        System.out.printf("  %-58s %14.2f %s%n", name, value, unit);
    }

    void ratio(String name, double value, String unit, String comparedTo, double baseline, String target) {
        Row row = new Row(name, value, unit, comparedTo, value / baseline, target);
        rows.add(row);
        System.out.printf("  %-58s %14.2f %-8s %6.1f%% of %s%s%n", name, value, unit, 100 * row.ratio(), comparedTo,
                target == null ? "" : "  (target " + target + ")");
    }

    /** The summary: one line per figure, with its ratio, its target and whether this run met it. */
    void print() {
        System.out.println();
        System.out.printf("%-60s %14s %-8s %8s  %-22s %s%n", "figure", "value", "unit", "ratio", "vs / target", "met");
        for (Row row : rows) {
            System.out.printf("%-60s %14.2f %-8s %8s  %-22s %s%n", row.name(), row.value(), row.unit(),
                    row.ratio() == null ? "" : String.format("%.1f%%", 100 * row.ratio()),
                    row.comparedTo() == null ? "" : row.comparedTo() + (row.target() == null ? "" : " / " + row.target()),
                    met(row));
        }
    }

    /** "yes" or "no" for a row with a target such as ">= 50%" (of its comparison), "" without one. */
    static String met(Row row) {
        if (row.target() == null || row.ratio() == null) {
            return "";
        }
        String target = row.target().trim();
        String operator = target.replaceAll("[0-9.%\\s]", "");
        double bound = Double.parseDouble(target.replaceAll("[^0-9.]", "")) / 100;
        boolean met = switch (operator) {
            case ">=" -> row.ratio() >= bound;
            case ">" -> row.ratio() > bound;
            case "<=" -> row.ratio() <= bound;
            case "<" -> row.ratio() < bound;
            default -> throw new IllegalArgumentException("target " + target);
        };
        return met ? "yes" : "no";
    }

    void write(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("environment", environment);
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("name", row.name());
            figure.put("value", row.value());
            figure.put("unit", row.unit());
            figure.put("comparedTo", row.comparedTo());
            figure.put("ratio", row.ratio());
            figure.put("target", row.target());
            figure.put("met", row.target() == null ? null : met(row).equals("yes"));
            figures.add(figure);
        }
        document.put("figures", figures);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(path.toFile(), document);
        System.out.println("\nJSON written to " + path.toAbsolutePath());
    }
}
