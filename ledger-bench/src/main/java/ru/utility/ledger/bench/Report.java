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

    void print() {
        System.out.println();
        System.out.printf("%-60s %14s %-8s %8s  %s%n", "figure", "value", "unit", "ratio", "vs / target");
        for (Row row : rows) {
            System.out.printf("%-60s %14.2f %-8s %8s  %s%n", row.name(), row.value(), row.unit(),
                    row.ratio() == null ? "" : String.format("%.3f", row.ratio()),
                    row.comparedTo() == null ? "" : row.comparedTo() + (row.target() == null ? "" : " / " + row.target()));
        }
    }

    void write(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("environment", environment);
        document.put("figures", rows);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(path.toFile(), document);
        System.out.println("\nJSON written to " + path.toAbsolutePath());
    }
}
