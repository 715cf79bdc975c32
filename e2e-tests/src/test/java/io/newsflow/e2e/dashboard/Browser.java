package io.newsflow.e2e.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium from the system's packages, driven through the system's chromedriver. Both are given by path,
 * so Selenium never looks for (or downloads) a browser or driver of its own.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser with a fresh profile and an empty cache, its viewport {@code width} × {@code height}. */
    static Browser start(int width, int height) {
        var binary = installed("NEWSFLOW_CHROMIUM", "/usr/bin/chromium");
        var chromedriver = installed("NEWSFLOW_CHROMEDRIVER", "/usr/bin/chromedriver");
        var options = new ChromeOptions()
                .setBinary(binary.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--window-size=" + width + "," + height);
        // a dialog the page opens stays open, for the test to find
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        // axe-core takes a few seconds on a busy machine
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    private static Path installed(String variable, String standardPath) {
        var path = Path.of(System.getenv().getOrDefault(variable, standardPath));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(
                    """
                    The dashboard's browser tests need Chromium and its driver, and %s is missing.
                    Install them from your distribution's packages, e.g. on Debian or Ubuntu:
                        sudo apt-get update && sudo apt-get install -y chromium chromium-driver
                    (or point NEWSFLOW_CHROMIUM and NEWSFLOW_CHROMEDRIVER at a Chromium and a chromedriver of the \
                    same version). Nothing is downloaded at test time."""
                            .formatted(path));
        }
        return path;
    }

    /**
     * Signs every page of the dashboard at {@code origin} in with the API key, as the sign-in form would: the key is
     * put into the tab's sessionStorage before the page's scripts run, unless the page holds a credential already.
     */
    Browser signedIn(URI origin, String key) {
        var credential = DashboardStack.json.writeValueAsString(Map.of("type", "apiKey", "key", key));
        cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "if (location.origin === %s && !sessionStorage.getItem('newsflow.credential'))"
                                        .formatted(DashboardStack.json.writeValueAsString(
                                                origin.getScheme() + "://" + origin.getAuthority()))
                                + " sessionStorage.setItem('newsflow.credential', "
                                + DashboardStack.json.writeValueAsString(credential) + ");"));
        return this;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    URI currentUri() {
        return URI.create(driver.getCurrentUrl());
    }

    /** The element, once it is displayed. */
    WebElement visible(String css) {
        return await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(css)), WebElement::isDisplayed);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !all(css).isEmpty();
    }

    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    Object cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Whether a JavaScript dialog (alert, confirm, prompt) is open. */
    boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** Saves what the viewport shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
