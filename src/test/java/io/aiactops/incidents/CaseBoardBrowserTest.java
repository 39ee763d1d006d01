package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The case board as an incident manager uses it: told to log in to Tasklist first, then the open case
 * with its deadline, and one click from the board to the case's task in Tasklist.
 */
@IntegrationTest
class CaseBoardBrowserTest {

    /** Kept out of docs/ like the other screenshots: every run would otherwise change a tracked file. */
    private static final Path BOARD_SCREENSHOT = Path.of("target", "screenshots", "case-board.png");
    private static final Path TASK_SCREENSHOT = Path.of("target", "screenshots", "case-board-task.png");

    private static final DateTimeFormatter BOARD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final By MESSAGE = By.id("message");
    private static final By LOGIN_LINK = By.cssSelector("#message a.login-link");

    private final Api api;
    private final String baseUrl;
    private final TaskService tasks;

    CaseBoardBrowserTest(@LocalServerPort int port, @Autowired TaskService tasks) {
        this.api = Api.anonymous(port);
        this.baseUrl = "http://localhost:" + port;
        this.tasks = tasks;
    }

    @Test
    void incidentManagerFollowsTheCaseFromTheBoardToItsTaskInTasklist() {
        // Given: a serious incident reported through the API, waiting for its classification
        String systemId = TestSystems.register(api, "board-ui");
        String caseId = report(systemId);
        Task classify = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        assertThat(classify.getName()).isEqualTo("Classify incident");
        // And: another, already classified as serious, so that it runs against its Art. 73 deadline
        String classifiedId = report(systemId);
        classifyAsSerious(classifiedId);
        JsonNode classified = api.as("incident-manager").get("/api/incidents/" + classifiedId).json();
        Instant deadlineAt = Instant.parse(classified.get("deadlineAt").asText());
        // And: one its manager learnt of five days ago and has not classified: the classification is overdue
        String lateId = report(systemId, Instant.now().minus(5, ChronoUnit.DAYS));
        // And: one learnt of thirty days ago and classified as serious: its 15-day Art. 73 deadline has passed
        String pastDeadlineId = report(systemId, Instant.now().minus(30, ChronoUnit.DAYS));
        classifyAsSerious(pastDeadlineId);

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            WebDriverWait await = browser.await();

            // When: the incident manager opens the board without being logged in
            page.get(baseUrl + "/cases");

            // Then: the board says to log in to Tasklist, and links there
            await.until(textToBePresentInElementLocated(MESSAGE, "Please log in to Tasklist"));
            browser.click(LOGIN_LINK);
            browser.logIn("incident-manager", "demo");
            await.until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));

            // When: back on the board after logging in
            page.get(baseUrl + "/cases");

            // Then: the case is listed with its AI system, its Member States and, until it is classified,
            // the classification due date as its deadline
            WebElement row = await.until(visibilityOfElementLocated(caseRow(caseId)));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Open serious incidents");
            assertThat(cells(row).get(0).getText()).startsWith(caseId);
            assertThat(cells(row).get(1).getText()).isEqualTo(systemId);
            assertThat(cells(row).get(2).getText()).isEqualTo("Not classified yet");
            assertThat(cells(row).get(3).getText()).isEqualTo("DE, FR");
            assertThat(cells(row).get(4).getText())
                    .contains("classify by " + BOARD_TIME.format(classify.getDueDate().toInstant()));
            assertThat(cells(row).get(5).getText()).isEqualTo("not classified yet");
            assertThat(cells(row).get(6).getText()).startsWith("AI Act: classification");
            assertThat(cells(row).get(7).getText()).isEqualTo("—");
            assertThat(cells(row).get(8).getText()).isEqualTo("0");

            // And: the classified case (15 days) comes after the one to classify (due within 2 days), with its
            // adjusted deadline in UTC and in words in each Member State's time, and the time left
            WebElement classifiedRow = page.findElement(caseRow(classifiedId));
            assertThat(classifiedRow.getLocation().getY()).as("most urgent first: the classification is due earlier")
                    .isGreaterThan(row.getLocation().getY());
            assertThat(cells(classifiedRow).get(2).getText()).startsWith("Reportable");
            assertThat(cells(classifiedRow).get(4).getText()).contains(BOARD_TIME.format(deadlineAt),
                    "FR: end of ", ", Europe/Paris (", "DE: end of ", ", Europe/Berlin (", " UTC)");
            assertThat(cells(classifiedRow).get(5).getText()).matches("\\d+ d \\d+ h");
            WebElement lateRow = page.findElement(caseRow(lateId));
            assertThat(lateRow.getLocation().getY()).as("the overdue case first").isLessThan(row.getLocation().getY());
            assertThat(cells(lateRow).get(5).getText()).matches("classification overdue by \\d+ d \\d+ h");
            WebElement pastDeadlineRow = page.findElement(caseRow(pastDeadlineId));
            assertThat(cells(pastDeadlineRow).get(5).getText()).matches("overdue by \\d+ d \\d+ h");
            assertThat(pastDeadlineRow.getLocation().getY()).as("a passed report deadline first")
                    .isLessThan(lateRow.getLocation().getY());
            browser.screenshot(BOARD_SCREENSHOT);

            // When: the incident manager follows the link to the case's task
            browser.click(By.cssSelector("tr[data-case-id='" + caseId + "'] a.task-link"));

            // Then: Tasklist opens that task with its form, for this case
            await.until(d -> d.getCurrentUrl().contains("task=" + classify.getId()));
            assertThat(await.until(visibilityOfElementLocated(Browser.field("Incident case"))).getDomProperty("value"))
                    .isEqualTo(caseId);
            assertThat(page.findElement(Browser.field("AI system")).getDomProperty("value")).isEqualTo(systemId);
            browser.screenshot(TASK_SCREENSHOT);
        }
    }

    private String report(String systemId) {
        return report(systemId, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private String report(String systemId, Instant awareAt) {
        return TestSystems.reportIncident(api, systemId, awareAt);
    }

    /** Completes "Classify incident" as the incident manager would in its form: serious, health harmed. */
    private void classifyAsSerious(String caseId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        tasks.claim(task.getId(), "incident-manager");
        tasks.complete(task.getId(), Map.of("serious", true, "harmHealth", true, "causalLink", "established",
                "causalLinkAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "memberStates", "FR, DE"));
    }

    private static By caseRow(String caseId) {
        return By.cssSelector("#cases tr[data-case-id='" + caseId + "']");
    }

    private static List<WebElement> cells(WebElement row) {
        return row.findElements(By.tagName("td"));
    }
}
