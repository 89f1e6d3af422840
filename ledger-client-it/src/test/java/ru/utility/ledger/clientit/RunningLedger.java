package ru.utility.ledger.clientit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.client.ApiClient;

/**
 * The whole ledger as shipped, on an ephemeral embedded PostgreSQL with the demo users (each user's name is its
 * password) and bearer tokens from a signing key made for this run (what an OIDC provider would issue), on the
 * suite's clock (-Dledger.test.clock-start, or now), and clients generated from docs/reference/openapi.json pointed at it.
 */
final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RSAPrivateKey signingKey;

    private RunningLedger(ConfigurableApplicationContext context, RSAPrivateKey signingKey) {
        this.context = context;
        this.signingKey = signingKey;
    }

    static RunningLedger start() {
        KeyPair keys = signingKeys();
        Path publicKey = publicKeyFile(keys);
        return new RunningLedger(new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri(),
                "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=false",
                "--ledger.clock.start=" + System.getProperty("ledger.test.clock-start", ""),
                // No scheduled chain anchors or demo data: nothing but the test writes.
                "--ledger.anchors.interval=0",
                "--ledger.demo-data=false",
                "--logging.level.org.axonframework=WARN"), (RSAPrivateKey) keys.getPrivate());
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

    /** A generated client signed in with a JWT bearer token carrying the roles in the default roles claim. */
    ApiClient clientWithToken(String subject, List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                // Far from any day the suite runs on, whatever its clock.
                .issueTime(Date.from(Instant.parse("2020-01-01T00:00:00Z")))
                .expirationTime(Date.from(Instant.parse("2099-12-31T00:00:00Z"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String token = jwt.serialize();
        ApiClient client = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)),
                ApiClient.createDefaultObjectMapper(), "http://127.0.0.1:" + port());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static KeyPair signingKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile(KeyPair keys) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("ledger-client-it-", ".pub");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
