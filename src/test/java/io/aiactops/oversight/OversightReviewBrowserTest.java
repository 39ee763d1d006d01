package io.aiactops.oversight;

import io.aiactops.support.Await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.Browser;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Art. 14 end to end, as an overseer sees it: a breaching signal opens a review in Tasklist, the
 * overseer reads the Camunda Form, dismisses the alert with a reason, and the log register holds that
 * decision under the overseer's name.
 */
@IntegrationTest
class OversightReviewBrowserTest {

    /** Kept out of docs/: every run would otherwise change a tracked file. */
    private static final Path FORM_SCREENSHOT = Path.of("target", "screenshots", "oversight-review-form.png");

    private static final By REVIEW_FILTER = By.partialLinkText("Alerts to review — critical first"); // Tasklist adds the task count to the selected filter

    private final Api api;
    private final String tasklistUrl;
    private final TaskService tasks;
    private final HistoryService history;

    OversightReviewBrowserTest(@LocalServerPort int port, @Autowired TaskService tasks, @Autowired HistoryService history) {
        this.api = Api.anonymous(port);
        this.tasklistUrl = "http://localhost:" + port + "/camunda/app/tasklist/";
        this.tasks = tasks;
        this.history = history;
    }

    @Test
    void overseerDismissesABreachInTasklistAndTheRegisterRecordsIt() {
        // Given: the accuracy of a registered AI system fell below its action threshold
        String systemId = TestSystems.register(api, "browser");
        String reviewId = TestSystems.breachAccuracy(api, systemId, 0.72);
        String reason = "Known dip after the holiday data shift; shadow evaluation of " + systemId + " is back above 0.80.";

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the overseer logs in to Tasklist and opens the review of this system
            page.get(tasklistUrl);
            browser.logIn("overseer", "demo");
            browser.click(REVIEW_FILTER);
            browser.openTask(tasklistUrl, taskOf(reviewId));
            // Tall enough for the whole form, so that the screenshot for the docs shows all of it.
            page.manage().window().setSize(new Dimension(1400, 2200));

            // Then: Tasklist (reloaded at the task's link) is branded as aiact-ops, without the engine's upgrade notice
            WebElement brand = await.until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            assertThat(page.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            assertThat(brand.getCssValue("background-image"))
                    .contains("aiact-ops-logo.svg");

            // And: the form shows what breached and why it counts as a breach
            assertThat(await.until(visibilityOfElementLocated(Browser.field("AI system"))).getDomProperty("value"))
                    .isEqualTo(systemId);
            assertThat(page.findElement(Browser.field("Metric")).getDomProperty("value")).isEqualTo("accuracy");
            assertThat(page.findElement(Browser.field("Threshold rationale")).getDomProperty("value"))
                    .isEqualTo("Accuracy below 0.80");

            // When: the overseer claims the task, dismisses the alert with a reason and completes it
            browser.claimTask();
            browser.click(Browser.option("Dismiss the alert"));
            browser.click(Browser.field("Reason")).sendKeys(reason);
            browser.screenshot(FORM_SCREENSHOT);
            assertThat(browser.completeTask()).as("errors shown by Tasklist").isEmpty();
        }

        // Then: the log register holds the decision under the overseer's name, and the review is over
        JsonNode decision = awaitOversightAction(systemId);
        assertThat(decision.get("actor").asText()).isEqualTo("overseer");
        assertThat(decision.get("payload").get("decision").asText()).isEqualTo("dismiss");
        assertThat(decision.get("payload").get("reason").asText()).isEqualTo(reason);
        assertThat(decision.get("payload").get("reviewId").asText()).isEqualTo(reviewId);

        HistoricProcessInstance review = history.createHistoricProcessInstanceQuery()
                .processInstanceId(reviewId).singleResult();
        assertThat(review.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    }

    private String taskOf(String reviewId) {
        return tasks.createTaskQuery().processInstanceId(reviewId).singleResult().getId();
    }




    /** The decision is written when the task completes; poll briefly rather than assume the timing. */
    private JsonNode awaitOversightAction(String systemId) {
        JsonNode events = Await.until("an oversight_action in the log register of " + systemId, Duration.ofSeconds(20), () -> {
            Api.Response logs = api.as("auditor").get("/api/systems/" + systemId + "/logs?type=oversight_action");
            assertThat(logs.status()).as(logs.body()).isEqualTo(200);
            return logs.json().get("events");
        }, found -> found.size() > 0);
        assertThat(events).as("one decision, one event").hasSize(1);
        return events.get(0);
    }
}
