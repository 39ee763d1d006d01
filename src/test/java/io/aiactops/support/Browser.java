package io.aiactops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with a fresh profile, for browser tests.
 * Both come from apt, never from Selenium Manager: this machine's network is closed and CI must not
 * depend on a download either. Without them a test skips loudly, except on CI ({@code CI=true}),
 * where a skipped browser test would hide that the UI was never exercised, so it fails.
 */
public final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Tasklist's error notifications. */
    private static final By TASKLIST_ERROR = By.cssSelector(".notifications .alert-danger");
    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By COMPLETE = By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']");
    /** Tasklist closes a task it completed and asks for the next one; it shows no success message. */
    private static final By TASK_CLOSED = By.cssSelector(".no-task");

    /** A form-js field, found the way a person finds it: by its label. */
    public static By field(String label) {
        return By.xpath("//*[@id=//label[normalize-space(text())='" + label + "']/@for]");
    }

    /** A radio option, clicked by its label as a person would. */
    public static By option(String label) {
        return By.xpath("//label[normalize-space()='" + label + "']");
    }

    /** The error notifications Tasklist shows now. */
    public static List<String> tasklistErrors(WebDriver page) {
        List<String> errors = new ArrayList<>();
        for (WebElement error : page.findElements(TASKLIST_ERROR)) {
            try {
                if (error.isDisplayed()) {
                    errors.add(error.getText());
                }
            } catch (StaleElementReferenceException e) {
                // Angular removed it between find and read: it is no longer shown.
            }
        }
        return errors;
    }

    /** Starts a browser, or skips the calling test (fails it on CI) if Chromium is not installed. */
    public static Browser start() {
        requireChromium();
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        // Setting both paths keeps Selenium Manager from resolving (and downloading) anything.
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * A wait long enough for a cold Tasklist on a busy two-core CI runner. It looks again when Angular
     * replaced an element between finding and reading it.
     */
    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Waits until the element is clickable, scrolls it to the middle of its scroll pane and clicks it.
     * Selenium only scrolls it into view, where fixed headers and footers (Tasklist has both) can cover it.
     */
    public WebElement click(By locator) {
        WebElement element;
        try {
            element = await().until(ExpectedConditions.elementToBeClickable(locator));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            // What the page showed instead is the first thing to look at when a browser test fails.
            Path shot = Path.of("target", "screenshots", "failed-" + System.currentTimeMillis() + ".png");
            screenshot(shot);
            throw new org.openqa.selenium.TimeoutException(notThere.getMessage() + "\nThe page then: " + shot.toAbsolutePath()
                    + "\n" + driver.getCurrentUrl(), notThere);
        }
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        return element;
    }

    /**
     * Opens a task in Tasklist by its id, as a link to it does (the case board's, a mail's). The shared
     * test context holds more open tasks than Tasklist's first page of a filter shows, where a person
     * would scroll or search.
     */
    public void openTask(String tasklistUrl, String taskId) {
        driver.get(tasklistUrl + "#/?task=" + taskId);
    }

    /** Claims the task Tasklist shows, as a person does before filling in its form. */
    public void claimTask() {
        click(CLAIM);
        await().until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    }

    /** Completes the task Tasklist shows; returns the errors Tasklist reported instead of closing it. */
    public List<String> completeTask() {
        click(COMPLETE);
        await().until(d -> d.findElement(TASK_CLOSED).isDisplayed() || !tasklistErrors(d).isEmpty());
        return tasklistErrors(driver);
    }

    /** Logs in through the Camunda webapps' sign-in form, which the browser is showing. */
    public void logIn(String user, String password) {
        click(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
        click(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys(password);
        click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    }

    /** Saves what the browser window shows as a PNG, creating the parent directories. */
    public void screenshot(Path target) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + target, e);
        }
        log.info("Screenshot saved to {}", target.toAbsolutePath());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void requireChromium() {
        List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests did not run: " + missing + " not installed. Install them with: " + INSTALL;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: CI must run the browser tests; .ci/run installs Chromium)");
        }
        log.warn(message);
        Assumptions.assumeTrue(false, message);
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("aiact-ops-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the next run makes a fresh one anyway.
            log.debug("Could not delete the browser profile {}", profile, e);
        }
    }
}
