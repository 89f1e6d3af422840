package ru.utility.ledger.api.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven headless through its chromedriver (paths overridable with -Dconsole.chromium and
 * -Dconsole.chromedriver). Without them the browser tests are skipped with a message saying so, never silently.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * Whether chromium and chromedriver are there; when not, says so on stderr (the test class is then reported
     * skipped with its reason).
     */
    static boolean installed() {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed) {
            System.err.println("SKIPPED: the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        return installed;
    }

    static ChromeDriver start(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=ru-RU",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort()
                // Date inputs follow the browser's locale: ДД.ММ.ГГГГ as a Russian user sees them.
                .withEnvironment(Map.of("LANG", "ru_RU.UTF-8", "LANGUAGE", "ru")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Saves a screenshot for docs/using/console.md when the repository's docs directory is there. */
    static void screenshot(ChromeDriver driver, String name) {
        Path module = Path.of("").toAbsolutePath();
        Path docs = module.getParent() == null ? null : module.getParent().resolve("docs");
        if (docs == null || !Files.isDirectory(docs)) {
            return;
        }
        try {
            Path target = docs.resolve("using").resolve("console");
            Files.createDirectories(target);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
