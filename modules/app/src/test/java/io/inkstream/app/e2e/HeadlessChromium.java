package io.inkstream.app.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless in a fresh profile, driven by Debian's chromedriver: the browser and
 * the driver are given by path, so Selenium Manager never downloads anything. Without them the
 * browser tests are skipped on a developer's machine and fail on CI ({@code CI=true}), which must run them.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getProperty("inkstream.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("inkstream.chromedriver", "/usr/bin/chromedriver"));

    /**
     * A desktop reader's user agent: the renderer counts headless browsers as bots (by design), and
     * these tests stand for people reading, whose views count.
     */
    static final String READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";

    private final Path profile;
    private final WebDriver driver;

    private HeadlessChromium(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts the browser, or skips (locally) / fails (on CI) the calling tests when it is not installed. */
    static HeadlessChromium start() {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("inkstream-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1024", "--user-agent=" + READER_AGENT,
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(profile, driver);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "browser tests need " + BROWSER + " and " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver; ./inkstream test installs them as root)";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(installed, missing);
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Continues in a new tab and closes the others, as a reader opening a link in a new tab: pages
     * a tab kept for "back" (and their live connections) go with it, so each test starts alike.
     */
    void freshTab() {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
