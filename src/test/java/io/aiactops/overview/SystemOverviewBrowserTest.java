package io.aiactops.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aiactops.monitoring.builtin.BuiltinMonitorRuns;
import io.aiactops.support.Api;
import io.aiactops.support.Browser;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An auditor follows an AI system on its overview page with their Cockpit login: every metric with its
 * chart, the open review linked to Tasklist, the register head, and nothing to click that changes anything.
 */
@IntegrationTest
class SystemOverviewBrowserTest {

    /** Kept out of docs/ like the other screenshots: every run would otherwise change a tracked file. */
    private static final Path PAGE_SCREENSHOT = Path.of("target", "screenshots", "system-overview.png");
    private static final Path DEMO_SCREENSHOT = Path.of("target", "screenshots", "system-overview-demo.png");
    private static final String DEMO_SYSTEM = "demo-credit-scoring";

    private static final By MESSAGE = By.id("message");
    private static final By COCKPIT_LOGIN = By.cssSelector("#message a.cockpit-login-link");
    private static final By METRIC_CARDS = By.cssSelector("#metrics .metric");

    /** Reads an image's own URL with the page's cookies, as the image itself was read. */
    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0].src, {credentials: 'same-origin'})
              .then(r => r.text().then(body => done({status: r.status, body})))
              .catch(e => done({status: 0, body: String(e)}));""";

    private final Api api;
    private final String baseUrl;
    private final ApplicationContext context;

    SystemOverviewBrowserTest(@LocalServerPort int port, @Autowired ApplicationContext context) {
        this.api = Api.anonymous(port);
        this.baseUrl = "http://localhost:" + port;
        this.context = context;
    }

    @Test
    void theAuditorSeesEveryMetricsChartOnTheSystemsOverview() {
        // Given: a system sending accuracy and drift for a week (drift breaches at the end), whose monitoring
        // plan also names the missing rate, not sent yet
        String systemId = TestSystems.register(api, "overview-ui");
        sendDaily(systemId, "accuracy", "performance", 0.91, 0.90, 0.92, 0.89, 0.90, 0.88, 0.87);
        sendDaily(systemId, "psi_drift", "drift", 0.03, 0.04, 0.05, 0.08, 0.12, 0.19, 0.27);
        putPlan(systemId);

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the auditor opens the overview, is told to log in, logs in to Cockpit and comes back
            page.get(baseUrl + "/systems/" + systemId);
            await.until(textToBePresentInElementLocated(MESSAGE, "Please log in"));
            browser.click(COCKPIT_LOGIN);
            browser.logIn("auditor", "demo");
            await.until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            page.get(baseUrl + "/systems/" + systemId);
            page.manage().window().setSize(new Dimension(1600, 2400));

            // Then: the status, and one card per metric, each with its latest value and its chart loaded
            await.until(visibilityOfElementLocated(By.id("overview")));
            assertThat(page.findElement(By.id("title")).getText()).contains(systemId);
            assertThat(page.findElement(By.cssSelector("#state .status-ACTIVE")).getText()).isEqualTo("ACTIVE");
            List<WebElement> cards = page.findElements(METRIC_CARDS);
            assertThat(cards).extracting(c -> c.getDomAttribute("data-metric"))
                    .containsExactly("accuracy", "missing_rate", "psi_drift");
            for (WebElement card : cards) {
                WebElement chart = card.findElement(By.cssSelector("img.chart"));
                await.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth === 720;", chart)));
            }
            assertThat(card(page, "psi_drift").findElement(By.cssSelector(".latest-value")).getText()).isEqualTo("0.27");
            assertThat(card(page, "missing_rate").getText()).contains("No signal yet.", "In the monitoring plan");

            // And: the drift chart holds its seven points and both thresholds, the unsent metric's says it has none
            String drift = svg(page, card(page, "psi_drift"));
            assertThat(drift.split("<circle class=\"point ", -1)).hasSize(8);
            assertThat(drift).contains("class=\"threshold warning upper\"", "class=\"threshold critical upper\"");
            assertThat(svg(page, card(page, "missing_rate"))).contains("No signals in the last 30 days");

            // And: the review the drift opened, linked to its task in Tasklist, and the register head
            WebElement review = page.findElement(By.cssSelector("#reviews tr[data-reference='" + systemId + "/psi_drift']"));
            assertThat(review.getText()).contains("psi_drift: critical");
            assertThat(review.findElement(By.cssSelector("a.task-link")).getDomAttribute("href"))
                    .startsWith("/camunda/app/tasklist/default/#/?task=");
            assertThat(page.findElement(By.cssSelector("#register .hash")).getText()).hasSize(64);

            // And: read-only: no form, no button
            assertThat(page.findElements(By.cssSelector("main form, main button, main input"))).isEmpty();
            browser.screenshot(PAGE_SCREENSHOT);
        }
    }

    @Test
    void theAuditorSeesTheDemoSystemsBuiltInMonitorsEachWithItsChart() {
        // Given: the demo system's two weeks of inferences and its built-in monitors, run (as the poll would)
        BuiltinMonitorRuns.runNow(context, DEMO_SYSTEM);

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the auditor logs in to Cockpit and opens the demo system's overview
            page.get(baseUrl + "/camunda/app/cockpit/");
            browser.logIn("auditor", "demo");
            await.until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            page.get(baseUrl + "/systems/" + DEMO_SYSTEM);
            page.manage().window().setSize(new Dimension(1600, 2600));
            await.until(visibilityOfElementLocated(By.id("overview")));

            // Then: each monitor of the plan has its card, its latest value and a chart drawn from its signals
            List<WebElement> cards = page.findElements(METRIC_CARDS);
            assertThat(cards).extracting(c -> c.getDomAttribute("data-metric"))
                    .contains("psi_drift", "group_parity_ratio", "mean_confidence");
            for (String metric : List.of("psi_drift", "group_parity_ratio", "mean_confidence")) {
                String chart = svg(page, card(page, metric));
                assertThat(chart).as(metric).contains("class=\"point");
                assertThat(card(page, metric).findElement(By.cssSelector(".latest-value")).getText()).as(metric)
                        .isNotBlank();
            }
            // And: the drift crossing its critical threshold, in the chart the overseer is sent to
            assertThat(svg(page, card(page, "psi_drift"))).contains("class=\"threshold critical upper\"")
                    .containsPattern("class=\"points? critical");
            browser.screenshot(DEMO_SCREENSHOT);
        }
    }

    private static WebElement card(WebDriver page, String metric) {
        return page.findElement(By.cssSelector("#metrics .metric[data-metric='" + metric + "']"));
    }

    @SuppressWarnings("unchecked")
    private static String svg(WebDriver page, WebElement card) {
        Map<String, Object> response = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript(FETCH,
                card.findElement(By.cssSelector("img.chart")));
        assertThat(((Number) response.get("status")).intValue()).as(String.valueOf(response.get("body"))).isEqualTo(200);
        return (String) response.get("body");
    }

    /** One value a day, the last one an hour ago. */
    private void sendDaily(String systemId, String metric, String category, double... values) {
        Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<Map<String, Object>> signals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            signals.add(Map.of("metric", metric, "category", category, "value", values[i],
                    "observedAt", last.minus(values.length - 1 - i, ChronoUnit.DAYS).toString(), "source", "model-server",
                    "signalId", "overview-ui-" + UUID.randomUUID()));
        }
        Api.Response accepted = api.as("ingest").post("/api/systems/" + systemId + "/signals", signals);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    private void putPlan(String systemId) {
        Api.Response plan = api.as("process-owner").send("PUT", "/api/systems/" + systemId + "/monitoring-plan",
                "application/json", """
                        {"metrics": [{"name": "accuracy", "category": "performance", "source": "nightly evaluation job"},
                                     {"name": "psi_drift", "category": "drift", "source": "model server, hourly"},
                                     {"name": "missing_rate", "category": "data_quality", "source": "feature store, daily"}],
                         "thresholdsReference": "DMN monitoring-thresholds", "reviewCadence": "P1M",
                         "owners": ["process-owners"], "deployerFeedbackChannel": "mailto:ai-feedback@provider.example"}""");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }
}
