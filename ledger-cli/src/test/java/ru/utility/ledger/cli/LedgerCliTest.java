package ru.utility.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.api.LedgerApplication;
import ru.utility.ledger.core.api.LedgerTime;

/**
 * The tool against a running ledger: the real application on an embedded PostgreSQL at a random port, the tool's
 * main command run in-process with its output captured, and what it did checked through the API.
 */
class LedgerCliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static ConfigurableApplicationContext ledger;
    private static String url;
    private static LocalDate today;

    @TempDir
    Path dir;

    private static KeyPair signingKeys;

    @BeforeAll
    static void startLedger() throws Exception {
        // Bearer tokens beside Basic, signed in the test with a key made for this run (what an OIDC provider does).
        signingKeys = rsaKeys();
        Path publicKey = Files.createTempFile("cli-jwt-", ".pub");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(signingKeys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "--server.port=0",
                "--ledger.embedded-postgres.ephemeral=true",
                "--ledger.embedded-postgres.durable=false",
                // The suite's clock, as in ledger-api's tests (-Dledger.test.clock-start; empty: now).
                "--ledger.clock.start=" + System.getProperty("ledger.test.clock-start", ""),
                "--ledger.anchors.interval=0",
                "--ledger.demo-data=false",
                "--ledger.jobs.poll-interval=200ms",
                "--logging.level.org.axonframework=WARN"));
        for (String processor : List.of("balances", "statements", "overdue")) {
            arguments.add("--axon.eventhandling.processors." + processor + ".token-claim-interval=200");
        }
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) ledger).getWebServer().getPort();
        today = LedgerTime.today(ledger.getBean(Clock.class));
    }

    @AfterAll
    static void stopLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    /** The tool's main command as a script would run it, signed in as {@code user} with the demo password. */
    static Run cli(String user, String... arguments) {
        List<String> line = new ArrayList<>(List.of("--url", url, "--user", user, "--password", user));
        line.addAll(List.of(arguments));
        return cliRaw(line.toArray(String[]::new));
    }

    static Run cliRaw(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = LedgerCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(arguments);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void uploadsFollowTheJobAndExitByOutcome() throws Exception {
        String a = open();
        String b = open();
        YearMonth period = overduePeriod();
        LocalDate posted = billedOn(period);
        Path billing = write("billing.csv", """
                accountId,period,amount,kWh,postedOn
                %s,%s,1000.00,100,%s
                %s,%s,500.00,50,%s
                """.formatted(a, period, posted, b, period, posted));

        Run billed = cli("operator", "upload", "billing-run", billing.toString(), "--poll-millis", "100");

        assertThat(billed.exit()).as(billed.err()).isEqualTo(ExitCodes.OK);
        String billingJob = billed.out().strip();
        assertThat(UUID.fromString(billingJob)).isNotNull();
        assertThat(billed.err()).startsWith("uploading " + billing + " (" + Files.size(billing) + " bytes)")
                .contains("[" + "#".repeat(JobProgress.WIDTH) + "] 100% 2/2 lines, 0 failed")
                .contains("job " + billingJob + " completed: 2 of 2 lines done, 0 failed");
        awaitBalance(a, "1000.00");
        awaitBalance(b, "500.00");

        String unknown = "77-9" + UUID.randomUUID().toString().substring(0, 3).toUpperCase() + "-0001";
        Path registry = write("registry.csv", """
                CLI-%1$s-1;%1$s;300,00;%3$s;Иванова Мария Петровна
                CLI-%1$s-2;%2$s;100,00;%3$s;Никто
                =;2;400,00
                """.formatted(a, unknown, RU_DATE.format(today)));

        Run paid = cli("operator", "upload", "registry", registry.toString(), "--poll-millis", "100");

        assertThat(paid.exit()).as(paid.err()).isEqualTo(ExitCodes.LINES_FAILED);
        String registryJob = paid.out().strip();
        assertThat(paid.err()).contains("] 100% 2/2 lines, 1 failed")
                .contains("job " + registryJob + " completed: 1 of 2 lines done, 1 failed")
                .contains("line 2 UNKNOWN_ACCOUNT")
                .contains("ledger job failed-lines " + registryJob);
        awaitBalance(a, "700.00");

        Run again = cli("operator", "upload", "registry", registry.toString(), "--poll-millis", "100");
        assertThat(again.exit()).isEqualTo(ExitCodes.LINES_FAILED);
        assertThat(again.out().strip()).isEqualTo(registryJob);
        assertThat(again.err()).contains("uploaded before");
        awaitBalance(a, "700.00");

        Run status = cli("finance", "job", "status", registryJob);
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("state +COMPLETED").containsPattern("linesFailed +1")
                .containsPattern("kind +PAYMENT_REGISTRY").contains("UNKNOWN_ACCOUNT");

        Path failed = dir.resolve("failed.csv");
        Run lines = cli("finance", "job", "failed-lines", registryJob, "-o", failed.toString());
        assertThat(lines.exit()).as(lines.err()).isZero();
        assertThat(Files.readAllLines(failed)).first().isEqualTo("line,accountId,reference,code,reason");
        assertThat(Files.readString(failed)).contains("2," + unknown + ",CLI-" + a + "-2,UNKNOWN_ACCOUNT,");
    }

    @Test
    void aRefusedFileImportsNothingAndNoWaitReturnsTheJobAtOnce() throws Exception {
        String a = open();
        Path mismatch = write("mismatch.csv", """
                CLI-%1$s-9;%1$s;10,00;%2$s
                =;1;99,00
                """.formatted(a, RU_DATE.format(today)));

        Run refused = cli("operator", "upload", "registry", mismatch.toString());

        assertThat(refused.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("422").contains("CONTROL_MISMATCH").contains("controlLine.total")
                .contains("nothing was imported");

        Path good = write("good.csv", """
                CLI-%1$s-8;%1$s;10,00;%2$s
                =;1;10,00
                """.formatted(a, RU_DATE.format(today)));
        Run started = cli("operator", "upload", "registry", good.toString(), "--no-wait");
        assertThat(started.exit()).as(started.err()).isZero();
        String job = started.out().strip();
        assertThat(started.err()).doesNotContain("completed");

        Run waited = cli("operator", "job", "wait", job, "--poll-millis", "100");
        assertThat(waited.exit()).as(waited.err()).isZero();
        assertThat(waited.err()).contains("job " + job + " completed: 1 of 1 lines done, 0 failed");
        awaitBalance(a, "-10.00");
    }

    @Test
    void aRegistryInABanksProfileIsReadInThatProfilesLayoutAndEncoding() throws Exception {
        String a = open();
        int op = java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 900_000);
        String day = DateTimeFormatter.ofPattern("dd-MM-yyyy").format(today.minusDays(1));
        // The sber profile: cp866, ten columns, amounts in rubles with a space between thousands, footer =count;total.
        Path sber = dir.resolve("sber.txt");
        Files.write(sber, """
                %2$s;10-15-32;8626;00012;%3$d;%1$s;ИВАНОВА МАРИЯ;Г.МОСКВА;1026;1 000,50
                =1;1000,50
                """.formatted(a, day, op).getBytes(java.nio.charset.Charset.forName("cp866")));

        Run paid = cli("operator", "upload", "registry", sber.toString(), "--profile", "sber", "--poll-millis", "100");

        assertThat(paid.exit()).as(paid.err()).isZero();
        assertThat(paid.err()).contains("completed: 1 of 1 lines done, 0 failed");
        awaitBalance(a, "-1000.50");
        Run status = cli("finance", "job", "status", paid.out().strip(), "--json");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(JSON.readTree(status.out()).get("registryProfile").asString()).isEqualTo("sber");

        Run unknown = cli("operator", "upload", "registry", sber.toString(), "--profile", "vtb");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("400").contains("profile");
        awaitBalance(a, "-1000.50");
    }

    @Test
    void exportsStatementsInBothDialectsAndTheOverdueList() throws Exception {
        String a = open();
        YearMonth period = overduePeriod();
        LocalDate posted = billedOn(period);
        Path billing = write("billing.csv", "%s,%s,1234.50,100,%s\n".formatted(a, period, posted));
        assertThat(cli("operator", "upload", "billing-run", billing.toString(), "-q", "--poll-millis", "100").exit())
                .isZero();
        awaitBalance(a, "1234.50");
        // The statement and overdue lists are projections of their own: wait for them to show the charge.
        String from = today.minusDays(400).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> cli("finance", "statement", a, "--from", from,
                "--to", today.toString()).out().contains("1234.50"));

        Path rfc = dir.resolve("statement.csv");
        Run plain = cli("finance", "statement", a, "--from", from, "--to", today.toString(), "-o", rfc.toString());
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("wrote " + rfc);
        byte[] rfcBytes = Files.readAllBytes(rfc);
        String rfcText = new String(rfcBytes, StandardCharsets.UTF_8);
        assertThat(rfcBytes[0]).isNotEqualTo((byte) 0xEF);
        assertThat(rfcText).contains(",1234.50,").contains("\r\n");

        Path excel = dir.resolve("statement-excel.csv");
        Run spreadsheet = cli("finance", "statement", a, "--from", from, "--to", today.toString(),
                "--dialect", "excel", "-o", excel.toString());
        assertThat(spreadsheet.exit()).as(spreadsheet.err()).isZero();
        byte[] excelBytes = Files.readAllBytes(excel);
        assertThat(excelBytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(excelBytes, StandardCharsets.UTF_8)).contains(";1234,50;").doesNotContain("1234.50");
        assertThat(rfcText.lines().count()).isEqualTo(new String(excelBytes, StandardCharsets.UTF_8).lines().count());

        Path overdue = dir.resolve("overdue.csv");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Run list = cli("finance", "overdue", "--region", "77", "--min-days", "1", "-o", overdue.toString());
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(Files.readString(overdue)).startsWith("account_id,region_code,").contains(a + ",77,");
        });

        Run turnover = cli("finance", "report", "turnover", "--from", from, "--to", today.toString());
        assertThat(turnover.exit()).as(turnover.err()).isZero();
        assertThat(turnover.out()).startsWith("line,account_id,").contains("ACCOUNT," + a + ",").contains("TOTAL,");

        Run reconciliation = cli("finance", "report", "reconciliation", a, "--from", from, "--to",
                today.toString(), "--dialect", "excel");
        assertThat(reconciliation.exit()).as(reconciliation.err()).isZero();
        assertThat(reconciliation.out()).startsWith("\uFEFFline;date;document;").contains("1234,50");
    }

    @Test
    void aPenaltyRunAccruesTheOverdueCharge() throws Exception {
        String a = open();
        Path billing = write("billing.csv", "%s,%s,1000.00,100,%s\n".formatted(a,
                overduePeriod(), billedOn(overduePeriod())));
        assertThat(cli("operator", "upload", "billing-run", billing.toString(), "-q", "--poll-millis", "100").exit())
                .isZero();

        Run run = cli("operator", "penalty", "run", "--account", a, "--as-of", today.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("penalties accrued to " + today + ": 1 accounts, 1 with a posting");
        String unknown = "77-8" + UUID.randomUUID().toString().substring(0, 3).toUpperCase() + "-0001";
        // Again, the accounts from a file in batches of one: nothing more is owed, the unknown account is refused.
        Path accounts = write("accounts.txt", "# penalty run\n%s\n\n%s\n".formatted(a, unknown));
        Run again = cli("operator", "penalty", "run", "--accounts-file", accounts.toString(), "--batch-size", "1",
                "--as-of", today.toString(), "--json");
        assertThat(again.exit()).as(again.err()).isEqualTo(ExitCodes.LINES_FAILED);
        assertThat(again.err()).contains("batch 1/2: 1 of 2 accounts, 0 refused")
                .contains("batch 2/2: 2 of 2 accounts, 1 refused")
                .contains("refused " + unknown + " UNKNOWN_ACCOUNT");
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("accounts").asInt()).isEqualTo(2);
        assertThat(second.get("accountsPosted").asInt()).isZero();
        assertThat(second.get("totalPosted").asString()).isEqualTo("0.00");
        assertThat(second.get("asOf").asString()).isEqualTo(today.toString());
        assertThat(second.get("failures")).hasSize(1);
    }

    @Test
    void badInputWrongPasswordAndNoLedgerEachHaveTheirExitCode() throws Exception {
        String a = open();

        Run bad = cli("finance", "statement", a, "--from", "2026-13-01", "--to", today.toString(), "-o",
                dir.resolve("never.csv").toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(bad.err()).contains("error: 400 Bad Request").contains("  from: ");
        assertThat(dir.resolve("never.csv")).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();

        Run unknownJob = cli("finance", "job", "status", UUID.randomUUID().toString());
        assertThat(unknownJob.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknownJob.err()).contains("404").contains("UNKNOWN_JOB");

        Run wrongPassword = cliRaw("--url", url, "--user", "finance", "--password", "not-the-password", "job",
                "status", UUID.randomUUID().toString());
        assertThat(wrongPassword.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(wrongPassword.err()).contains("401");

        Run wrongRole = cli("auditor", "upload", "billing-run", write("x.csv", "x").toString());
        assertThat(wrongRole.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(wrongRole.err()).contains("403");

        Run bearer = cliRaw("--url", url, "--token", token(signingKeys), "job", "status",
                UUID.randomUUID().toString());
        assertThat(bearer.exit()).as(bearer.err()).isEqualTo(ExitCodes.REFUSED);
        assertThat(bearer.err()).contains("404").contains("UNKNOWN_JOB");
        Run forged = cliRaw("--url", url, "--token", token(rsaKeys()), "job", "status", UUID.randomUUID().toString());
        assertThat(forged.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(forged.err()).contains("401");

        Run nobody = cliRaw("--url", "http://127.0.0.1:1", "job", "status", UUID.randomUUID().toString());
        assertThat(nobody.exit()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(nobody.err()).contains("cannot reach the ledger at http://127.0.0.1:1");

        Run usage = cliRaw("--url", url, "statement");
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);

        Run completion = cliRaw("generate-completion");
        assertThat(completion.exit()).isZero();
        assertThat(completion.out()).contains("complete -F _complete_ledger").contains("penalty-calculation");
    }

    /** Four months ago: billed on the 1st of the month after, due weeks later, so overdue by two months or more. */
    private static YearMonth overduePeriod() {
        return YearMonth.from(today).minusMonths(4);
    }

    private static LocalDate billedOn(YearMonth period) {
        return period.plusMonths(1).atDay(1);
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** A FINANCE token; its expiry is judged by the machine's real clock (docs/operating/security.md), so it is set by that. */
    private static String token(KeyPair keys) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("cli-finance").claim("roles", List.of("FINANCE")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    private Path write(String name, String content) {
        try {
            Path file = Files.createTempFile("cli-", "-" + name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String open() {
        String account = "77-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "-"
                + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        HttpResponse<String> created = send("POST", "/api/v1/accounts", "operator", """
                {"accountId": "%s", "holderName": "Cli", "regionCode": "77", "openedOn": "%s"}"""
                .formatted(account, today.minusDays(400)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return account;
    }

    private static void awaitBalance(String account, String expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> balance = send("GET", "/api/v1/accounts/" + account + "/balance", "finance", null);
            return balance.statusCode() == 200
                    && JSON.readTree(balance.body()).get("balance").asString().equals(expected);
        });
    }

    private static HttpResponse<String> send(String method, String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
