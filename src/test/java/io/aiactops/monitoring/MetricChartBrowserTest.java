package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.Browser;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An overseer deciding on an alert sees the metric's history in the "Review monitoring alert" form, with
 * the thresholds it crossed, logged in to Tasklist only.
 */
@IntegrationTest
class MetricChartBrowserTest {

    /** Kept out of docs/ like the other screenshots: every run would otherwise change a tracked file. */
    private static final Path FORM_SCREENSHOT = Path.of("target", "screenshots", "oversight-review-chart.png");

    private static final By REVIEW_FILTER = By.partialLinkText("Alerts to review — critical first"); // Tasklist adds the task count to the selected filter
    private static final By CHART = By.cssSelector(".fjs-form img[src*='/metrics/accuracy/chart.svg']");

    /** Reads the image's own URL with the page's cookies, as the image itself was read. */
    private static final String FETCH_CHART = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0].src, {credentials: 'same-origin'})
              .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type'), body})))
              .catch(e => done({status: 0, type: '', body: String(e)}));""";

    private final Api api;
    private final String tasklistUrl;
    private final TaskService tasks;

    MetricChartBrowserTest(@LocalServerPort int port, @Autowired TaskService tasks) {
        this.api = Api.anonymous(port);
        this.tasklistUrl = "http://localhost:" + port + "/camunda/app/tasklist/";
        this.tasks = tasks;
    }

    @Test
    void theOverseerSeesTheMetricsHistoryWithItsThresholdsInTheReviewForm() {
        // Given: accuracy sliding over ten days, through the warning (0.85) and then the critical (0.80) threshold
        String systemId = TestSystems.register(api, "chart-ui");
        String reviewId = sendAccuracyHistory(systemId, 0.93, 0.92, 0.90, 0.91, 0.89, 0.87, 0.86, 0.84, 0.81, 0.77);

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the overseer logs in to Tasklist and opens the review
            page.get(tasklistUrl);
            browser.logIn("overseer", "demo");
            browser.click(REVIEW_FILTER);
            browser.openTask(tasklistUrl, taskOf(reviewId));
            page.manage().window().setSize(new Dimension(1400, 1600));

            // Then: the form shows the chart, loaded with the Tasklist login alone
            WebElement chart = await.until(visibilityOfElementLocated(CHART));
            await.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0;", chart)));
            assertThat(((Number) ((JavascriptExecutor) page).executeScript("return arguments[0].naturalWidth;", chart))
                    .intValue()).isEqualTo(720);
            assertThat(chart.getDomAttribute("src")).startsWith("/systems/" + systemId + "/metrics/accuracy/chart.svg");

            // And: the image holds the ten points and both threshold lines of the current table
            @SuppressWarnings("unchecked")
            Map<String, Object> svg = (Map<String, Object>) ((JavascriptExecutor) page).executeAsyncScript(FETCH_CHART, chart);
            assertThat(((Number) svg.get("status")).intValue()).as(String.valueOf(svg.get("body"))).isEqualTo(200);
            assertThat((String) svg.get("type")).startsWith("image/svg+xml");
            String body = (String) svg.get("body");
            assertThat(body.split("<circle class=\"point ", -1)).hasSize(11);
            assertThat(body).contains("class=\"point warning\"", "class=\"point critical\"",
                    "class=\"threshold warning lower\"", "class=\"threshold critical lower\"", "warning &lt; 0.85",
                    "critical &lt; 0.8");

            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
            browser.screenshot(FORM_SCREENSHOT);
        }
    }

    /** Sends one accuracy value a day, the last one yesterday, and returns the review the first breach opened. */
    private String sendAccuracyHistory(String systemId, double... values) {
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS);
        List<Map<String, Object>> signals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            signals.add(Map.of("metric", "accuracy", "category", "performance", "value", values[i],
                    "observedAt", yesterday.minus(values.length - 1 - i, ChronoUnit.DAYS).toString(),
                    "source", "nightly-eval", "signalId", "chart-ui-" + UUID.randomUUID()));
        }
        Api.Response accepted = api.as("ingest").post("/api/systems/" + systemId + "/signals", signals);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode breaches = accepted.json().get("breaches");
        assertThat(breaches).hasSize(3);
        return breaches.get(0).get("reviewId").asText();
    }

    private String taskOf(String reviewId) {
        return tasks.createTaskQuery().processInstanceId(reviewId).singleResult().getId();
    }
}
