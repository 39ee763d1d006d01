package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.aiactops.support.Api;
import io.aiactops.support.Browser;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An incident manager classifies an incident with two regimes beside Art. 73 in Tasklist's form, and the
 * case board then shows both regimes' clocks, the nearest one as the case's next deadline.
 */
@IntegrationTest
class RegimeBoardBrowserTest {

    /** Copied to docs/images/case-board-regimes.png when the board changes; kept out of docs/ on every run. */
    private static final Path BOARD_SCREENSHOT = Path.of("target", "screenshots", "case-board-regimes.png");

    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By COMPLETE = By.xpath("//div[contains(@class,'form-actions')]/button[normalize-space()='Complete']");
    private static final By TASK_CLOSED = By.cssSelector(".no-task");

    private final Api api;
    private final String baseUrl;
    private final TaskService tasks;

    RegimeBoardBrowserTest(@LocalServerPort int port, @Autowired TaskService tasks) {
        this.api = Api.anonymous(port);
        this.baseUrl = "http://localhost:" + port;
        this.tasks = tasks;
    }

    @Test
    void anIncidentManagerClassifiesWithGdprAndDoraAndTheBoardShowsBothClocks() {
        // Given: an incident reported through the API, waiting for its classification
        String systemId = TestSystems.register(api, "regimes-ui");
        String caseId = TestSystems.reportIncident(api, systemId, Instant.now().minus(1, ChronoUnit.HOURS));
        Task classify = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();
            page.get(baseUrl + "/camunda/app/tasklist/");
            browser.logIn("incident-manager", "demo");
            await.until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));

            // When: in "Classify incident" the incident manager says it is not serious under the AI Act, but a
            // GDPR personal-data breach and a DORA major incident classified as major just now
            browser.openTask(baseUrl + "/camunda/app/tasklist/default/", classify.getId());
            browser.click(CLAIM);
            await.until(invisibilityOfElementLocated(CLAIM));
            browser.click(Browser.field("Rationale")).sendKeys("No harm under Art. 3(49); a data breach and an ICT incident");
            browser.click(Browser.field("GDPR personal-data breach (Art. 33: 72 hours to the data-protection authority)"));
            browser.click(Browser.field("DORA major ICT-related incident (initial notification within 4 hours of classification)"));
            browser.click(Browser.field("Classified as major at"))
                    .sendKeys(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            browser.click(COMPLETE);
            await.until(d -> d.findElement(TASK_CLOSED).isDisplayed() || !Browser.tasklistErrors(d).isEmpty());
            assertThat(Browser.tasklistErrors(page)).as("errors shown by Tasklist").isEmpty();

            // Then: the board shows the case with both regimes' clocks, DORA's initial notification due next
            page.get(baseUrl + "/cases");
            WebElement row = await.until(visibilityOfElementLocated(By.cssSelector("#cases tr[data-case-id='" + caseId + "']")));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(6).getText()).startsWith("DORA: initial notification").containsPattern("in (3 h \\d+|4 h 0) min");
            assertThat(row.findElement(By.cssSelector("li[data-regime='gdpr']")).getText())
                    .startsWith("GDPR").contains("notification of the supervisory authority: due ", "Europe/");
            assertThat(row.findElement(By.cssSelector("li[data-regime='dora']")).getText())
                    .startsWith("DORA").contains("initial notification: due ", "intermediate report: waits for the submission");
            assertThat(cells.get(10).getText()).contains("Send the DORA initial notification",
                    "Notify the data-protection authority (GDPR Art. 33)");
            browser.screenshot(BOARD_SCREENSHOT);
        }
    }
}
