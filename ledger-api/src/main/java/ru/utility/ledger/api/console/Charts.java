package ru.utility.ledger.api.console;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart.js configurations as JSON for a canvas's data-chart attribute (static/console/assets/console.js draws
 * them), so the templates hold no script and every label comes from the message bundles.
 */
@Component
public class Charts {

    private final JsonMapper json;

    public Charts(JsonMapper json) {
        this.json = json;
    }

    public record Series(String label, List<? extends Number> values) {
    }

    public String bar(List<String> labels, List<Series> series, boolean stacked) {
        return chart("bar", labels, series, stacked);
    }

    public String line(List<String> labels, List<Series> series) {
        return chart("line", labels, series, false);
    }

    private String chart(String type, List<String> labels, List<Series> series, boolean stacked) {
        List<Map<String, Object>> datasets = series.stream()
                .map(s -> Map.<String, Object>of("label", s.label(), "data", s.values())).toList();
        Map<String, Object> scales = stacked
                ? Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true, "beginAtZero", true))
                : Map.of("y", Map.of("beginAtZero", true));
        return json.writeValueAsString(Map.of("type", type,
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("animation", false, "responsive", true, "maintainAspectRatio", false,
                        "scales", scales)));
    }
}
