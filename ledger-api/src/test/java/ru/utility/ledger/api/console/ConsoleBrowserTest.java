package ru.utility.ledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.utility.ledger.api.demo.DemoDataSeeder;
import ru.utility.ledger.api.ops.projections.ProjectionOperations;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.api.support.LedgerIntegrationTest;

/**
 * The console in a real browser (headless Chromium), on a small demo ledger seeded at start: sign-in and a
 * wrong password, each page's main flow, a registry upload followed to completion on the progress bar, an
 * operator form with bad input, a finance user without write forms, CSV downloads. Saves screenshots of the
 * main pages to docs/using/console/ (docs/using/console.md). The suite's shared context (the demo ledger is seeded into it
 * here, as ledger.demo-data does in the background) and one browser for the whole class.
 */
@LedgerIntegrationTest
@EnabledIf(value = "ru.utility.ledger.api.console.Browser#installed",
        disabledReason = "no chromium or chromedriver (see the SKIPPED line above; .ci/run installs them)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final int SIZE = 40;
    /** DemoLedger's installment-plan holder (the third account, region 78) and deferral holder (the seventh). */
    static final String PLAN_ACCOUNT = "DEMO-78-00003";
    static final String DEFERRED_ACCOUNT = "DEMO-50-00007";
    private static final String MONEY = "−?\\d{1,3}( \\d{3})*,\\d{2} ₽";

    @LocalServerPort
    int port;
    @Autowired
    DemoDataSeeder seeder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ProjectionOperations projections;

    private LocalDate seededOn;
    private String dateKeyPattern;

    private Path temp;
    private Path downloads;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void seededAndBrowserStarted() throws Exception {
        seededOn = LedgerTime.today(clock);
        seeder.seed(seededOn, SIZE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM demo_data_seed WHERE finished_at IS NOT NULL",
                Integer.class)).isEqualTo(1);
        caughtUp();
        temp = Files.createTempDirectory("console-browser-");
        downloads = Files.createDirectories(temp.resolve("downloads"));
        browser = Browser.start(Files.createDirectories(temp.resolve("profile")), downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void browserClosed() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void seedingAgainChangesNothing() {
        long events = events();
        long jobs = jdbc.queryForObject("SELECT count(*) FROM bulk_job", Long.class);
        seeder.seed(seededOn, SIZE);
        caughtUp();
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bulk_job", Long.class)).isEqualTo(jobs);
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedAndFinanceSeesTheStartPage() {
        browser.get(url("/console"));
        wait.until(d -> d.getCurrentUrl().endsWith("/console/login"));
        Browser.screenshot(browser, "login");
        signIn("finance", "wrong");
        assertThat(text("#login-error")).isEqualTo("Неверное имя пользователя или пароль.");

        signIn("finance", "finance");
        wait.until(d -> d.getCurrentUrl().endsWith("/console"));
        assertThat(text("#receivables-total")).matches(MONEY);
        assertThat(text("#overdue-total")).matches(MONEY);
        assertThat(text("#receivables-total")).isNotEqualTo("0,00 ₽");
        awaitChart("bucket-chart");
        awaitChart("payments-chart");
        assertThat(browser.findElements(By.cssSelector("#projection-lag tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        Browser.screenshot(browser, "start");
    }

    @Test
    @Order(3)
    void financeFindsAnAccountReadsItAndDownloadsTheStatement() throws Exception {
        browser.findElement(By.id("nav-accounts")).click();
        type("#search-accountId", PLAN_ACCOUNT);
        browser.findElement(By.id("search-by-id")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/console/accounts/" + PLAN_ACCOUNT));
        assertThat(text("#account-title")).contains(PLAN_ACCOUNT);
        assertThat(text("#balance")).matches(MONEY);
        assertThat(browser.findElements(By.cssSelector("#statement-table tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#penalty details.penalty-charge"))).isNotEmpty();
        List<String> installments = browser.findElements(By.cssSelector(".plan-schedule .badge")).stream()
                .map(WebElement::getText).toList();
        assertThat(installments).contains("оплачен", "пропущен");
        assertThat(browser.findElements(By.cssSelector("#allocations tbody tr"))).isNotEmpty();
        awaitChart("debt-chart");
        assertThat(browser.findElements(By.id("write-forms"))).as("finance has no write forms").isEmpty();
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        Browser.screenshot(browser, "account");

        // The as-of picker: the balance on the day the account opened, as known now.
        LocalDate opened = seededOn.minusYears(3);
        browser.get(url("/console/accounts/" + PLAN_ACCOUNT + "?asOf=" + opened));
        assertThat(text("#asof-balance")).endsWith("0,00 ₽");

        browser.get(url("/console/accounts/" + PLAN_ACCOUNT));
        browser.findElement(By.id("statement-csv")).click();
        Path csv = awaitDownload(".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("date,kind,reference,description,amount,running_balance");
        assertThat(lines).anyMatch(line -> line.contains(",CHARGE,"));
    }

    @Test
    @Order(4)
    void financeCannotWriteNorAdminister() {
        browser.get(url("/console/accounts/" + PLAN_ACCOUNT));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams({_csrf: document.querySelector('input[name=_csrf]').value,
                    billingPeriod: '2026-01', amount: '100.00'});
                fetch('/console/accounts/%s/charges', {method: 'POST', body}).then(r => done(r.status));"""
                .formatted(PLAN_ACCOUNT));
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.get(url("/console/admin"));
        assertThat(text("#denied")).isEqualTo("Нет доступа");
    }

    @Test
    @Order(5)
    void overdueListFiltersPagesAndExports() throws Exception {
        browser.get(url("/console"));
        browser.findElement(By.id("nav-overdue")).click();
        wait.until(d -> d.getCurrentUrl().contains("/console/overdue"));
        assertThat(text("#overdue-total")).matches(MONEY);
        awaitChart("overdue-chart");
        List<String> candidates = new ru.utility.ledger.api.support.Api(port)
                .get("/api/v1/restriction-candidates", "finance").json().get("candidates").valueStream()
                .map(c -> c.get("accountId").asString()).toList();
        assertThat(candidates).as("the demo ledger's restriction candidates").isNotEmpty();
        assertThat(column("#restriction-candidates tbody tr td:first-child")).containsExactlyElementsOf(candidates);
        Browser.screenshot(browser, "overdue");

        browser.get(url("/console/overdue?limit=3"));
        List<String> first = column("#overdue-table tbody tr td:first-child");
        assertThat(first).hasSize(3);
        browser.findElement(By.id("overdue-next")).click();
        List<String> second = column("#overdue-table tbody tr td:first-child");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);

        type("#f-region", "50");
        browser.findElement(By.id("overdue-apply")).click();
        wait.until(d -> d.getCurrentUrl().contains("region=50"));
        assertThat(column("#overdue-table tbody tr td:nth-child(2)")).isNotEmpty().containsOnly("50");

        browser.findElement(By.id("overdue-csv")).click();
        Path csv = awaitDownload("overdue-");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("account_id,region_code,");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(line -> line.split(",")[1].equals("50"));
    }

    @Test
    @Order(6)
    void reliefProgrammesWithTheirStatistics() {
        browser.get(url("/console"));
        browser.findElement(By.id("nav-relief")).click();
        assertThat(column("#programmes tbody tr td:first-child"))
                .contains("DEMO-DEFER-6M", "DEMO-INSTALMENTS-12");
        assertThat(browser.findElements(By.id("form-launch"))).isEmpty();
        browser.findElement(By.linkText("DEMO-INSTALMENTS-12")).click();
        assertThat(Integer.parseInt(text("#enrolled"))).isPositive();
        awaitChart("region-chart");
        awaitChart("category-chart");
        awaitChart("month-chart");
        assertThat(browser.findElements(By.id("form-close"))).isEmpty();
        Browser.screenshot(browser, "relief");
    }

    @Test
    @Order(7)
    void thePenaltyCalculationReport() {
        browser.get(url("/console"));
        browser.findElement(By.id("nav-reports")).click();
        type("#penalty-accountId", DEFERRED_ACCOUNT);
        submit("penalty-submit");
        assertThat(text("#penalty-total")).matches(MONEY).isNotEqualTo("0,00 ₽");
        assertThat(browser.findElements(By.cssSelector("#penalty-rows tbody tr"))).isNotEmpty();
        Browser.screenshot(browser, "reports");

        // The reconciliation statement (акт сверки): closing = opening + debit − credit, to the kopeck.
        type("#reconciliation-accountId", DEFERRED_ACCOUNT);
        typeDate("#reconciliation-from", seededOn.minusYears(1));
        typeDate("#reconciliation-to", seededOn);
        submit("reconciliation-submit");
        long closing = kopecks(text("#reconciliation-closing"));
        assertThat(closing).isEqualTo(kopecks(text("#reconciliation-opening")) + kopecks(text("#reconciliation-debit"))
                - kopecks(text("#reconciliation-credit")));
        assertThat(browser.findElements(By.cssSelector("#reconciliation-rows tbody tr"))).isNotEmpty();

        // The turnover balance sheet: the total's closing balance is the sum of the regions'.
        typeDate("#turnover-from", seededOn.withDayOfMonth(1).minusMonths(1));
        typeDate("#turnover-to", seededOn);
        submit("turnover-submit");
        long total = kopecks(text("#turnover-total td:last-child"));
        List<Long> regions = browser.findElements(By.cssSelector("#turnover-rows tr.turnover-region td:last-child"))
                .stream().map(cell -> kopecks(cell.getText().replace('\u00A0', ' ').strip())).toList();
        assertThat(regions).isNotEmpty();
        assertThat(total).isNotZero().isEqualTo(regions.stream().mapToLong(Long::longValue).sum());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('turnover').scrollIntoView()");
        Browser.screenshot(browser, "reports-turnover");
    }

    /**
     * Types a date into a date input key by key, as a user does, in the order of the fields the browser shows.
     * Chromium takes that order from the machine's locale, not from {@code --lang}: day, month, year where
     * ru_RU is installed, month first on a machine with only C.UTF-8. Keys in the wrong order give another
     * date (6 Dec typed as 12 Jun) or none (31 Dec), so the order is learned once by typing a probe.
     */
    private void typeDate(String css, LocalDate date) {
        if (dateKeyPattern == null) {
            type(css, "01022003");
            String probed = browser.findElement(By.cssSelector(css)).getDomProperty("value");
            dateKeyPattern = switch (probed) {
                case "2003-02-01" -> "ddMMyyyy";
                case "2003-01-02" -> "MMddyyyy";
                default -> throw new AssertionError("a date input read 01022003 as '" + probed + "'");
            };
        }
        type(css, date.format(java.time.format.DateTimeFormatter.ofPattern(dateKeyPattern)));
        assertThat(browser.findElement(By.cssSelector(css)).getDomProperty("value")).isEqualTo(date.toString());
    }

    /** "−1 234,50 ₽" as kopecks. */
    private static long kopecks(String money) {
        assertThat(money).matches(MONEY);
        String digits = money.replace("₽", "").replace(" ", "").replace(",", "").replace("−", "-");
        return Long.parseLong(digits);
    }

    @Test
    @Order(8)
    void anOperatorFormWithBadInputShowsTheReasonNextToTheField() {
        signOut();
        signIn("operator", "operator");
        browser.get(url("/console/accounts/" + DEFERRED_ACCOUNT));
        String balance = text("#balance");
        type("#charge-billingPeriod", "2026-13");
        type("#charge-amount", "-5");
        browser.findElement(By.id("charge-submit")).click();
        assertThat(text("#charge-billingPeriod-error")).isEqualTo("must be YYYY-MM");
        assertThat(browser.findElement(By.id("charge-billingPeriod")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("#charge-amount-error")).isNotBlank();
        assertThat(browser.findElement(By.id("charge-amount")).getAttribute("value")).isEqualTo("-5");
        assertThat(text("#balance")).isEqualTo(balance);
        Browser.screenshot(browser, "operator-form-error");

        type("#payment-paymentId", "BROWSER-" + System.nanoTime());
        type("#payment-amount", "1 000,50");
        new Select(browser.findElement(By.id("payment-channel"))).selectByValue("CASH_OFFICE");
        browser.findElement(By.id("payment-submit")).click();
        assertThat(text("#saved")).isEqualTo("Платёж проведён.");
    }

    @Test
    @Order(9)
    void anOperatorLaunchesAndClosesAProgramme() {
        browser.get(url("/console"));
        browser.findElement(By.id("nav-relief")).click();
        String id = "BROWSER-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        type("#launch-programId", id);
        type("#launch-name", "Скидка 10%");
        new Select(browser.findElement(By.id("launch-kind"))).selectByValue("DISCOUNT");
        type("#launch-percent", "ten");
        submit("launch-submit");
        assertThat(text("#launch-percent-error")).isEqualTo("must be a decimal number such as 30 or 12.5");
        assertThat(text("#launch-activeFrom-error")).isNotBlank();
        assertThat(browser.findElement(By.id("launch-name")).getAttribute("value")).isEqualTo("Скидка 10%");

        new Select(browser.findElement(By.id("launch-kind"))).selectByValue("DISCOUNT");
        type("#launch-percent", "10");
        typeDate("#launch-activeFrom", seededOn);
        submit("launch-submit");
        assertThat(text("#programme-title")).isEqualTo("Скидка 10%");
        assertThat(text("[role=status]")).isEqualTo("Программа запущена.");
        typeDate("#close-closedOn", seededOn);
        type("#close-reason", "Бюджетное решение");
        submit("close-submit");
        assertThat(text("#programme-status")).startsWith("закрыта");
    }

    @Test
    @Order(10)
    void aRegistryUploadIsFollowedToCompletionOnTheProgressBar() throws IOException {
        StringBuilder registry = new StringBuilder();
        int lines = 400;
        long total = 0;
        String batch = Long.toString(System.nanoTime(), 36).toUpperCase();
        String paidOn = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(seededOn.minusDays(5));
        for (int i = 1; i <= lines; i++) {
            String account = i == 7 ? "DEMO-99-00000" : "DEMO-" + List.of("77", "50", "78", "66", "16").get(i % 5)
                    + "-" + String.format("%05d", 1 + (i % 5) + 5 * (i % 8));
            registry.append("UPL-").append(batch).append('-').append(i).append(';').append(account)
                    .append(";10,00;").append(paidOn).append('\n');
            total += 1000;
        }
        registry.append("=;").append(lines).append(';').append(total / 100).append(",00\n");
        Path file = Files.writeString(temp.resolve("registry-" + batch + ".csv"), registry.toString());

        browser.get(url("/console"));
        browser.findElement(By.id("nav-jobs")).click();
        new Select(browser.findElement(By.id("upload-kind"))).selectByValue("PAYMENT_REGISTRY");
        Select profiles = new Select(browser.findElement(By.id("upload-profile")));
        assertThat(profiles.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("default", "sber");
        profiles.selectByValue("default");
        browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/console/jobs/[0-9a-f-]{36}$"));
        // htmx swaps the progress section every second: a section found may be replaced before it is read.
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> "COMPLETED".equals(d.findElement(By.id("progress")).getAttribute("data-state")));
        WebElement bar = browser.findElement(By.id("job-progress"));
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo(String.valueOf(lines));
        assertThat(text("#progress label")).isEqualTo("Обработано " + lines + " из " + lines);
        assertThat(text("#job-profile")).isEqualTo("профиль default");
        assertThat(column("#job-errors tbody tr td:nth-child(2)")).containsExactly("DEMO-99-00000");
        Browser.screenshot(browser, "job");
        browser.findElement(By.id("job-errors-csv")).click();
        Path failed = awaitDownload("-errors.csv");
        assertThat(Files.readAllLines(failed)).hasSize(2).last().asString().startsWith("7,DEMO-99-00000,");

        browser.findElement(By.linkText("История заданий")).click();
        assertThat(browser.findElement(By.id("jobs-table")).getText()).contains(file.getFileName().toString());
    }

    @Test
    @Order(11)
    void anAuditorReadsTheHistoryWithItsIntegrityBadge() {
        signOut();
        signIn("auditor", "auditor");
        browser.get(url("/console/accounts/" + PLAN_ACCOUNT));
        assertThat(text("#integrity")).startsWith("Целостность подтверждена");
        assertThat(browser.findElement(By.id("history")).getText()).contains("кто: demo-data", "AccountOpened");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('history').scrollIntoView()");
        Browser.screenshot(browser, "history");
    }

    @Test
    @Order(12)
    void anAdminReplaysAProjectionAndFollowsItToTheEnd() {
        signOut();
        signIn("admin", "admin");
        browser.findElement(By.id("nav-admin")).click();
        awaitChart("lag-chart");
        browser.findElement(By.id("replay-button-programme-moratoria")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement bar = d.findElement(By.id("replay-programme-moratoria"));
            return bar.getAttribute("value").equals(bar.getAttribute("max"))
                    && d.findElement(By.id("status")).getText().contains("завершено");
        });
        Browser.screenshot(browser, "admin");
    }

    @Test
    @Order(13)
    void englishIsAChoice() {
        browser.get(url("/console"));
        browser.findElement(By.linkText("English")).click();
        assertThat(text("h1")).isEqualTo("Start");
        browser.get(url("/console/admin"));
        assertThat(text("h1")).isEqualTo("Administration");
        browser.findElement(By.linkText("Русский")).click();
        assertThat(text("h1")).isEqualTo("Администрирование");
    }

    private void signIn(String user, String password) {
        if (!browser.getCurrentUrl().endsWith("/console/login")) {
            browser.get(url("/console/login"));
        }
        type("#username", user);
        type("#password", password);
        browser.findElement(By.id("sign-in")).click();
        // Signed in (the start page) or refused (login?error): either way the form was answered.
        wait.until(d -> !d.getCurrentUrl().endsWith("/console/login"));
    }

    private void signOut() {
        browser.get(url("/console"));
        browser.findElement(By.cssSelector("header.top form button")).click();
        wait.until(d -> d.getCurrentUrl().contains("/console/login"));
    }

    private void type(String css, String value) {
        WebElement input = browser.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(value);
    }

    /** Visible text with no-break spaces as plain ones. */
    private String text(String css) {
        // A click that posts a form returns before the answer's page is always in place: wait for the element,
        // and read it again if the page was replaced between finding and reading it.
        String text = new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
        return text.replace('\u00A0', ' ').strip();
    }

    /** Clicks a button that posts its form and waits until the answer's page has replaced this one. */
    private void submit(String buttonId) {
        WebElement button = browser.findElement(By.id(buttonId));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(button));
    }

    private List<String> column(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void awaitChart(String id) {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.Chart !== undefined && Chart.getChart(document.getElementById(arguments[0])) != null",
                id)));
    }

    private Path awaitDownload(String nameContains) throws IOException {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> downloaded(nameContains) != null);
        Path file = downloaded(nameContains);
        Files.move(file, temp.resolve("read-" + System.nanoTime() + "-" + file.getFileName()));
        return temp.resolve(temp.toFile().list((dir, name) -> name.endsWith(file.getFileName().toString()))[0]);
    }

    private Path downloaded(String nameContains) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().contains(nameContains))
                    .filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every processor, the enrolment saga included, has handled every stored event. */
    private void caughtUp() {
        await().atMost(Duration.ofSeconds(120)).until(() -> projections.statuses().stream()
                .allMatch(p -> p.lagEvents() == 0));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
