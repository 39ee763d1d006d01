package io.aiactops.deployment;

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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A release as a process owner decides it: the candidate a colleague requested, its evidence, check,
 * metric deltas and change assessment in the Tasklist form, then "Go" with a reason, and the version
 * goes into service.
 */
@IntegrationTest
class ModelReleaseBrowserTest {

    /** Kept out of docs/ like the other screenshots: every run would otherwise change a tracked file. */
    private static final Path FORM_SCREENSHOT = Path.of("target", "screenshots", "review-release-form.png");

    private static final By RELEASES_FILTER = By.partialLinkText("Model releases — open tasks"); // Tasklist adds the task count to the selected filter

    private final Api api;
    private final String tasklistUrl;
    private final TaskService tasks;

    ModelReleaseBrowserTest(@LocalServerPort int port, @Autowired TaskService tasks) {
        this.api = Api.anonymous(port);
        this.tasklistUrl = "http://localhost:" + port + "/camunda/app/tasklist/";
        this.tasks = tasks;
    }

    @Test
    void processOwnerApprovesAReleaseTheyDidNotRequestInTasklist() {
        // Given: the demo administrator requested version 3.1 of a system, with complete evidence
        String systemId = TestSystems.register(api, "release-ui");
        TestSystems.requestRelease(api, systemId, "3.1");
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(systemId + ":3.1").singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(ModelDeploymentProcess.TASK_REVIEW_RELEASE);
        String reason = "Evidence complete and signed; retrained on Q3 data within the predetermined changes.";

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the process owner logs in to Tasklist and opens the release from the releases filter
            page.get(tasklistUrl);
            browser.logIn("process-owner", "demo");
            browser.click(RELEASES_FILTER);
            browser.click(By.cssSelector("ol.tasks-list li.task h4.task a[href='#/?task=" + review.getId() + "']"));
            page.manage().window().setSize(new Dimension(1400, 2400));

            // Then: the form shows the candidate, who asked for it, its evidence, the check and the assessment
            assertThat(await.until(visibilityOfElementLocated(Browser.field("AI system"))).getDomProperty("value"))
                    .isEqualTo(systemId);
            assertThat(page.findElement(Browser.field("Candidate model version")).getDomProperty("value")).isEqualTo("3.1");
            assertThat(page.findElement(Browser.field("Requested by")).getDomProperty("value")).isEqualTo("admin");
            assertThat(page.findElement(Browser.field("Evidence")).getDomProperty("value"))
                    .contains("CI/CD run: https://ci.example/runs/3100, status success", "signed by Dr. Lena Vogel");
            assertThat(page.findElement(Browser.field("Automatic check")).getDomProperty("value"))
                    .isEqualTo("All evidence is present and passing.");
            assertThat(page.findElement(Browser.field("Change assessment (change-assessment.dmn)")).getDomProperty("value"))
                    .isEqualTo("within-predetermined-changes");

            // When: the process owner claims the task, decides "Go" with a reason and completes it
            browser.claimTask();
            browser.click(Browser.option("Go: activate this version"));
            browser.click(Browser.field("Reason")).sendKeys(reason);
            browser.screenshot(FORM_SCREENSHOT);
            assertThat(browser.completeTask()).as("errors shown by Tasklist").isEmpty();
        }

        // Then: the version is in service, approved by the process owner with the reason
        JsonNode version = awaitActive(systemId);
        assertThat(version.at("/release/decidedBy").asText()).isEqualTo("process-owner");
        assertThat(version.at("/release/decisionReason").asText()).isEqualTo(reason);
        assertThat(version.get("statusChangedBy").asText()).isEqualTo("process-owner");
    }

    private JsonNode awaitActive(String systemId) {
        return Await.until("the newest version of " + systemId + " ACTIVE", Duration.ofSeconds(30),
                () -> api.as("auditor").get("/api/systems/" + systemId + "/model-versions").json().get(0),
                newest -> newest.get("status").asText().equals("ACTIVE"));
    }



}
