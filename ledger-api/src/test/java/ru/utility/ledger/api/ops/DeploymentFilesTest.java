package ru.utility.ledger.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.support.Api;
import ru.utility.ledger.api.support.LedgerIntegrationTest;
import ru.utility.ledger.api.support.TestDates;
import ru.utility.ledger.api.support.Uploads;

/**
 * The compose cluster (docker/) checked without a Docker engine (issue 15): the services and their wiring, and
 * every metric that an alert rule or a Grafana panel queries is one this application exports on
 * /actuator/prometheus after some work. promtool checks the Prometheus files' syntax in CI (.ci/run).
 */
@LedgerIntegrationTest
class DeploymentFilesTest {

    static final Path DOCKER = Path.of("../docker");
    /** PromQL words that are not metric names. */
    static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
            "histogram_quantile", "abs", "clamp_min", "clamp_max", "delta", "deriv", "topk", "bottomk", "time",
            "absent", "offset", "vector", "scalar", "label_replace");
    /** Series Prometheus makes itself for every target. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoNodesBehindABalancerOnOnePostgresWithKafkaInKraftModePrometheusAndGrafana() throws IOException {
        Map<String, Object> compose = yaml(DOCKER.resolve("compose.yaml"));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "ledger-1", "ledger-2", "balancer", "kafka", "prometheus",
                "grafana");
        assertThat(services).doesNotContainKey("zookeeper");
        for (String node : List.of("ledger-1", "ledger-2")) {
            Map<String, Object> env = (Map<String, Object>) services.get(node).get("environment");
            assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/ledger");
            assertThat(env.get("LEDGER_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(env.get("SERVER_FORWARD_HEADERS_STRATEGY")).isEqualTo("native");
            // Given from outside and required, so both nodes seal personal data with the same master key.
            assertThat(env.get("LEDGER_PERSONALDATA_MASTERKEY")).asString()
                    .startsWith("${LEDGER_PERSONALDATA_MASTERKEY:?");
            assertThat(services.get(node)).doesNotContainKey("ports");
        }
        Map<String, Object> kafka = (Map<String, Object>) services.get("kafka").get("environment");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES").toString()).contains("controller").contains("broker");
        assertThat(kafka).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");

        String balancer = Files.readString(DOCKER.resolve("nginx/ledger.conf"));
        assertThat(balancer).contains("server ledger-1:8080").contains("server ledger-2:8080");
        assertThat(mounts(services.get("balancer"))).contains("./nginx/ledger.conf");

        Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
        String scrape = prometheus.get("scrape_configs").toString();
        assertThat(scrape).contains("ledger-1:8080").contains("ledger-2:8080").contains("/actuator/prometheus");
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("alerts.yml");
        assertThat(mounts(services.get("prometheus"))).contains("./prometheus/prometheus.yml", "./prometheus/alerts.yml");
        assertThat(mounts(services.get("grafana"))).contains("./grafana/provisioning", "./grafana/dashboards");
        // Every file the services mount is in the repository.
        for (Map<String, Object> service : services.values()) {
            for (String mount : mounts(service)) {
                if (mount.startsWith(".")) {
                    assertThat(DOCKER.resolve(mount)).as(mount).exists();
                }
            }
        }
        // The scrape user is a METRICS user: the demo one here, which the nodes create with demo users on.
        assertThat(scrape).contains("username=metrics");
        assertThat(new Api(port).get("/actuator/prometheus", "metrics").status()).isEqualTo(200);
    }

    @Test
    void everyDashboardPanelUsesTheProvisionedDataSource() throws IOException {
        Map<String, Object> datasources = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml"));
        String uid = ((List<Map<String, Object>>) (List<?>) datasources.get("datasources")).getFirst().get("uid").toString();
        List<Path> dashboards = dashboards();
        assertThat(dashboards).isNotEmpty();
        Set<String> uids = new TreeSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(file));
            assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid in " + file).isTrue();
            assertThat(dashboard.path("title").asString()).isNotBlank();
            assertThat(dashboard.path("panels").size()).isPositive();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo(uid);
                assertThat(panel.path("targets").size()).isPositive();
            }
        }
    }

    @Test
    void everyMetricAnAlertOrADashboardQueriesIsExportedByTheApplication() throws Exception {
        Api api = new Api(port);
        // Some work first: counters appear once something was counted.
        String account = Uploads.open(api);
        assertThat(api.post("/api/v1/accounts/" + account + "/charges", "operator", """
                {"billingPeriod": "%s", "amount": "10.00"}""".formatted(TestDates.currentPeriod())).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments", "operator", """
                {"paymentId": "DEPLOY-1", "amount": "4.00", "channel": "CASH_OFFICE"}""").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/accounts/" + account + "/payments/DEPLOY-1/reversal", "operator", """
                {"reason": "Deployment files test"}""").status()).isEqualTo(201);
        Uploads.awaitCompleted(api, Uploads.upload(port, "/api/v1/billing-runs",
                ("NO-SUCH-ACCOUNT," + TestDates.currentPeriod() + ",1.00,1\n").getBytes(StandardCharsets.UTF_8),
                "text/csv").headers().firstValue("Location").orElseThrow());
        Set<String> exported = exported(api.get("/actuator/prometheus", "metrics").body());

        List<String> expressions = new ArrayList<>();
        collectExpressions(yaml(DOCKER.resolve("prometheus/alerts.yml")), expressions);
        for (Path file : dashboards()) {
            JsonMapper.builder().build().readTree(Files.readString(file)).path("panels")
                    .forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString())));
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        Set<String> used = new TreeSet<>();
        expressions.forEach(expr -> used.addAll(metricNames(expr)));
        used.removeAll(SYNTHETIC);
        assertThat(used).contains("ledger_projection_lag_seconds", "ledger_jobs_lines_total",
                "ledger_jobs_worker_failures_total", "http_server_requests_seconds_count");
        assertThat(exported).containsAll(used);
        // And the alert on failed job lines sees the failed line.
        assertThat(api.get("/actuator/prometheus", "metrics").body())
                .containsPattern("ledger_jobs_lines_total\\{[^}]*kind=\"BILLING_RUN\"[^}]*status=\"failed\"[^}]*} [1-9]");
    }

    /** Metric names in a PromQL expression: identifiers outside label matchers, strings and grouping clauses. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !PROMQL.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collectExpressions(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("expr".equals(key)) {
                    into.add(value.toString());
                } else {
                    collectExpressions(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectExpressions(item, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> mounts(Map<String, Object> service) {
        List<String> volumes = (List<String>) service.getOrDefault("volumes", List.of());
        return volumes.stream().map(v -> v.split(":")[0]).toList();
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DOCKER.resolve("grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }
}
