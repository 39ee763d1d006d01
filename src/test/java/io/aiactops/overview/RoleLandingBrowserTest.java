package io.aiactops.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import io.aiactops.platform.security.Roles;
import io.aiactops.support.Api;
import io.aiactops.support.Browser;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each demo role logs in and lands on its own work: in Tasklist its own filters only, in its order, the
 * main one selected and listing what the engine lists for it; on the welcome page the places of its
 * groups, and for the auditor, who has no Tasklist, where the evidence is. The administrator sees every
 * filter. ({@code ingest} is a service account: it has no webapp.)
 */
@IntegrationTest
class RoleLandingBrowserTest {

    private static final By FILTERS = By.cssSelector(".task-filters .content h4 a");
    private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .content div.item.active h4 a");
    private static final By FIRST_TASK = By.cssSelector("[cam-tasks] .tasks-list .task a[href*='task=']");
    private static final By PLACES = By.cssSelector("#aiact-places li a");
    private static final By EVIDENCE = By.id("aiact-evidence");

    private final Api api;
    private final String baseUrl;
    private final FilterService filters;
    private final IdentityService identity;

    RoleLandingBrowserTest(@LocalServerPort int port, @Autowired FilterService filters, @Autowired IdentityService identity) {
        this.api = Api.anonymous(port);
        this.baseUrl = "http://localhost:" + port;
        this.filters = filters;
        this.identity = identity;
    }

    /** Work for each role's main filter: a breached threshold, an incident past its classification, a release. */
    @BeforeAll
    static void seed(@LocalServerPort int port) {
        Api api = Api.anonymous(port);
        String systemId = TestSystems.register(api, "landing");
        TestSystems.breachAccuracy(api, systemId, 0.61);
        TestSystems.reportIncident(api, systemId, Instant.now().minus(4, ChronoUnit.DAYS));
        TestSystems.requestRelease(api, systemId, "2.0");
    }

    @Test
    void theOverseerLandsOnAlertsToReviewAndSeesNoIncidentOrReleaseFilter() {
        landsOnOwnFilters("overseer", Roles.OVERSEERS, List.of("Alerts to review — critical first", "My open tasks"));
    }

    @Test
    void theIncidentManagerLandsOnIncidentsDueWithin48HoursOverdueFirst() {
        Task first = landsOnOwnFilters("incident-manager", Roles.INCIDENT_MANAGERS,
                List.of("Incidents due within 48 h", "My open tasks", "Serious incidents — all open tasks"));
        assertThat(first.getDueDate()).as("the overdue incident task comes first").isBefore(new Date());
    }

    @Test
    void theProcessOwnerLandsOnReleasesThenResumesAndCorrectiveActions() {
        landsOnOwnFilters("process-owner", Roles.PROCESS_OWNERS, List.of("Model releases — open tasks",
                "Stopped AI systems awaiting resume", "Corrective actions — open tasks", "My open tasks"));
    }

    @Test
    void theAdministratorSeesEveryFilter() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.get(baseUrl + "/camunda/app/tasklist/");
            browser.logIn("admin", "demo");

            browser.await().until(d -> texts(d.findElements(FILTERS)).size() >= 7);
            assertThat(texts(page.findElements(FILTERS))).containsExactlyInAnyOrder("Alerts to review — critical first",
                    "Incidents due within 48 h", "Model releases — open tasks", "My open tasks",
                    "Serious incidents — all open tasks", "Stopped AI systems awaiting resume", "Corrective actions — open tasks");

            // The operator's first screen: every place, Admin last, and where the evidence is
            page.manage().window().setSize(new Dimension(1400, 1500));
            page.get(baseUrl + "/camunda/app/welcome/");
            browser.await().until(visibilityOfElementLocated(EVIDENCE));
            List<String> places = texts(page.findElements(PLACES));
            assertThat(places).contains("Serious incidents — case board", "AI systems", "Cockpit").last().isEqualTo("Admin");
            browser.screenshot(screenshot("admin"));
        }
    }

    @Test
    void theAuditorLandsOnTheWelcomePageWithWhereTheEvidenceIs() {
        String systemId = TestSystems.register(api, "evidence");
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            // Tall enough to show the evidence below Camunda's own panels in the screenshot.
            page.manage().window().setSize(new Dimension(1400, 1500));
            page.get(baseUrl + "/camunda/app/welcome/");
            browser.logIn("auditor", "demo");

            WebElement evidence = browser.await().until(visibilityOfElementLocated(EVIDENCE));
            assertThat(evidence.getText()).contains("Where is the evidence", systemId,
                    "/api/systems/" + systemId + "/logs/verify", "/api/systems/" + systemId + "/logs/export",
                    "/systems/" + systemId + "/documentation");
            assertThat(texts(page.findElements(PLACES))).containsExactly("Serious incidents — case board", "AI systems",
                    "Cockpit");
            browser.screenshot(screenshot("auditor"));
        }
    }

    /**
     * Logs the person in to Tasklist and checks that exactly their filters show, in order, the first one
     * selected, and that its first task is the one the engine lists first for them; returns that task.
     */
    private Task landsOnOwnFilters(String user, String group, List<String> expected) {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(1400, 1000));
            page.get(baseUrl + "/camunda/app/tasklist/");
            browser.logIn(user, "demo");

            browser.await().until(d -> texts(d.findElements(FILTERS)).size() == expected.size());
            assertThat(texts(page.findElements(FILTERS))).as("%s's filters, in Tasklist's order", user)
                    .containsExactlyElementsOf(expected);
            assertThat(page.findElement(ACTIVE_FILTER).getText()).as("the main filter is selected").startsWith(expected.get(0));

            Task first = firstTaskOf(expected.get(0), user, group);
            WebElement shown = browser.await().until(visibilityOfElementLocated(FIRST_TASK));
            assertThat(shown.getDomAttribute("href")).as("the first task in the list").endsWith("task=" + first.getId());
            browser.screenshot(screenshot(user));

            page.get(baseUrl + "/camunda/app/welcome/");
            browser.await().until(visibilityOfElementLocated(PLACES));
            assertThat(texts(page.findElements(PLACES))).as("the welcome page leads to the same filters first")
                    .startsWith(expected.stream().map(name -> "Tasklist: " + name).toArray(String[]::new));
            assertThat(page.findElements(EVIDENCE)).isEmpty();
            return first;
        }
    }

    /** The first task of a filter as the engine lists it for the person, in the filter's own order. */
    private Task firstTaskOf(String filterName, String user, String group) {
        String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        identity.setAuthentication(user, List.of(group));
        try {
            List<Task> tasks = filters.listPage(filterId, 0, 1);
            assertThat(tasks).as("the seeded work shows in %s", filterName).isNotEmpty();
            return tasks.get(0);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Kept out of docs/ like the other screenshots; docs/images holds a copy of each. */
    private static Path screenshot(String user) {
        return Path.of("target", "screenshots", "landing-" + user + ".png");
    }

    /** Tasklist appends the task count to the selected filter's name ("… first 1"): only the name counts here. */
    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(e -> e.getText().replaceAll("\\s+\\d+$", "").trim()).filter(t -> !t.isEmpty()).toList();
    }
}
