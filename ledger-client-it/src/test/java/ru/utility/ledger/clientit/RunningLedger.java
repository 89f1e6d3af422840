package ru.utility.ledger.clientit;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.client.ApiClient;

/**
 * The whole ledger as shipped, on an ephemeral embedded PostgreSQL with the demo users (each user's name is its
 * password), on the suite's clock (-Dledger.test.clock-start, or now), and clients generated from
 * docs/openapi.json pointed at it.
 */
final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningLedger start() {
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=false",
                "--ledger.clock.start=" + System.getProperty("ledger.test.clock-start", ""),
                // No scheduled chain anchors or demo data: nothing but the test writes.
                "--ledger.anchors.interval=0",
                "--ledger.demo-data=false",
                "--logging.level.org.axonframework=WARN"));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A generated client signed in with HTTP Basic; the native library leaves the header to an interceptor. */
    ApiClient clientFor(String user) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
                ApiClient.createDefaultObjectMapper(), "http://127.0.0.1:" + port());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    @Override
    public void close() {
        context.close();
    }
}
