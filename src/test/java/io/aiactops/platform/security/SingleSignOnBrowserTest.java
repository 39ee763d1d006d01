package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.support.Api;
import io.aiactops.support.Await;
import io.aiactops.support.Browser;
import io.aiactops.support.ProductionApp;
import io.aiactops.support.SingleSignOnRun;
import io.aiactops.support.TestOidcProvider;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * People log in through the provider's own login page, an overseer, an auditor, an administrator and a
 * newcomer in none of our groups: each lands on what their provider group, mapped to ours, grants (the
 * newcomer on a page that says which groups grant what), in Tasklist and on the welcome page (the
 * overseer decides an alert under the provider's name), and logging out, with /logout or Camunda's own "Log
 * out" menu item, ends the provider's session too.
 */
class SingleSignOnBrowserTest {

    /** Kept out of docs/ like the other screenshots: every run would otherwise change a tracked file. */
    private static final Path LOGIN_SCREENSHOT = Path.of("target", "screenshots", "sso-provider-login.png");
    private static final Path OVERSEER_SCREENSHOT = Path.of("target", "screenshots", "sso-overseer-tasklist.png");

    private static final By REVIEW_FILTER = By.partialLinkText("Alerts to review — critical first");
    /** The welcome page's "Your work in aiact-ops" links, and its "Where is the evidence" for auditors. */
    private static final By PLACES = By.cssSelector("#aiact-places li a");
    private static final By EVIDENCE = By.id("aiact-evidence");
    /** The filters' names without the count Tasklist adds to the selected one. */
    private static final String FILTER_NAMES = "return Array.from(document.querySelectorAll('.task-filter h4.name a'))"
            + ".map(a => a.firstChild.textContent.trim());";

    private final SingleSignOnRun run = SingleSignOnRun.shared();
    private final Api admin = run.api().as(ProductionApp.ADMIN, ProductionApp.ADMIN_PASSWORD);

    @Test
    void anOverseerLogsInAtTheProviderDismissesTheirAlertInTasklistAndLogsOutOfBoth() {
        // Given: a critical accuracy breach, sent by the metrics exporter with its provider token
        String systemId = register("sso-ui");
        Api ingest = run.api().withToken(run.provider().clientCredentialsToken(TestOidcProvider.INGEST_CLIENT));
        Api.Response breach = ingest.post("/api/systems/" + systemId + "/signals", Map.of("metric", "accuracy",
                "category", "performance", "value", 0.71, "observedAt", Instant.now().toString()));
        assertThat(breach.status()).as(breach.body()).isEqualTo(202);

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();

            // When: the overseer opens Tasklist and is sent to the provider, where they type their password
            page.get(tasklist());
            awaitProviderLogin(browser);
            browser.screenshot(LOGIN_SCREENSHOT);
            logInAtProvider(browser, TestOidcProvider.OVERSEER);

            // Then: Tasklist, with the overseers' filters and none of the incident managers' or process owners'
            browser.click(REVIEW_FILTER);
            assertThat(filterNames(page)).contains("Alerts to review — critical first", "My open tasks")
                    .doesNotContain("Incidents due within 48 h", "Serious incidents — all open tasks",
                            "Stopped AI systems awaiting resume");
            // And: the alert of this system waiting for them, its review form readable
            browser.click(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., '" + systemId + "')]//h4/a"));
            assertThat(browser.await().until(visibilityOfElementLocated(Browser.field("AI system"))).getDomProperty("value"))
                    .isEqualTo(systemId);
            assertThat(Browser.tasklistErrors(page)).as("errors shown by Tasklist").isEmpty();
            browser.screenshot(OVERSEER_SCREENSHOT);

            // When: they claim it under their provider name and dismiss the alert with a reason
            browser.claimTask();
            browser.click(Browser.option("Dismiss the alert"));
            browser.click(Browser.field("Reason")).sendKeys("Checked through single sign-on");
            assertThat(browser.completeTask()).as("errors shown by Tasklist").isEmpty();

            // And: the welcome page leads them to the same filters first, and to no evidence pages
            page.get(welcome());
            browser.await().until(visibilityOfElementLocated(PLACES));
            assertThat(texts(page.findElements(PLACES))).startsWith("Tasklist: Alerts to review — critical first",
                    "Tasklist: My open tasks");
            assertThat(page.findElements(EVIDENCE)).isEmpty();

            logOutAndExpectTheProviderToAskAgain(browser);
        }

        // Then: the register holds the decision under the name the provider gave the overseer
        Api auditor = run.api().withToken(run.provider().personToken(TestOidcProvider.AUDITOR));
        JsonNode decisions = Await.until("the overseer's decision in the register of " + systemId, Duration.ofSeconds(20),
                () -> auditor.get("/api/systems/" + systemId + "/logs?type=oversight_action").json().get("events"),
                events -> events.size() > 0);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("actor").asText()).isEqualTo(TestOidcProvider.OVERSEER);
        assertThat(decisions.get(0).get("payload").get("decision").asText()).isEqualTo("dismiss");
    }

    @Test
    void anAuditorLogsInAtTheProviderReadsTheCaseBoardAndCockpitButNotTasklist() {
        // Given: an open serious incident, reported by an incident manager with their provider token
        String systemId = register("sso-ui-audit");
        Api incidentManager = run.api().withToken(run.provider().personToken(TestOidcProvider.INCIDENT_MANAGER));
        Api.Response reported = incidentManager.post("/api/incidents", Map.of("aiSystemId", systemId,
                "description", "Seen by the auditor through single sign-on", "occurredAt", Instant.now().minusSeconds(60)
                        .toString(), "reporter", "sso test", "reporterContact", "desk@sso.example",
                "memberStates", List.of("FR"), "personsAffected", 1));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String caseId = reported.json().get("id").asText();

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();

            // When: the auditor opens the case board and logs in at the provider
            page.get(run.baseUrl() + "/cases");
            awaitProviderLogin(browser);
            logInAtProvider(browser, TestOidcProvider.AUDITOR);

            // Then: the board lists the case
            browser.await().until(visibilityOfElementLocated(By.cssSelector("tr[data-case-id='" + caseId + "']")));
            // And: the system's overview, read-only
            page.get(run.baseUrl() + "/systems/" + systemId);
            browser.await().until(textToBePresentInElementLocated(By.id("title"), systemId));
            assertThat(page.findElements(By.cssSelector("main form, main button, main input"))).isEmpty();
            // And: Cockpit, where auditors read the processes
            page.get(run.baseUrl() + "/camunda/app/cockpit/default/#/processes");
            browser.await().until(textToBePresentInElementLocated(By.tagName("body"), "Serious incident reporting (Art. 73)"));
            // And: the welcome page leads them to what auditors read, and to the evidence of this system
            page.get(welcome());
            assertThat(browser.await().until(visibilityOfElementLocated(EVIDENCE)).getText())
                    .contains("Where is the evidence", "/api/systems/" + systemId + "/logs/verify");
            assertThat(texts(page.findElements(PLACES))).containsExactly("Serious incidents — case board", "AI systems",
                    "Cockpit");
            // And: Tasklist is not theirs: Camunda refuses it, as to any user whose groups have no access to it
            page.get(tasklist());
            browser.await().until(textToBePresentInElementLocated(By.tagName("body"), "status=403"));
            assertThat(filterNames(page)).isEmpty();

            logOutAndExpectTheProviderToAskAgain(browser);
        }
    }

    @Test
    void anAdministratorLogsInAtTheProviderAndFindsTheLocalServiceAccountsInAdmin() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();

            // When: an administrator of the provider's admin group logs in to Camunda Admin and lists its users
            page.get(run.baseUrl() + "/camunda/app/admin/");
            awaitProviderLogin(browser);
            logInAtProvider(browser, TestOidcProvider.ADMIN);
            browser.await().until(visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            // The address after '#' never reaches the server, so the login cannot bring them back to it.
            page.get(run.baseUrl() + "/camunda/app/admin/default/#/users");

            // Then: the local accounts, which live in Camunda's identity tables, e.g. the first administrator
            browser.await().until(textToBePresentInElementLocated(By.cssSelector("table"), ProductionApp.ADMIN));
            assertThat(page.findElement(By.tagName("table")).getText()).doesNotContain(TestOidcProvider.ADMIN);

            // And: Camunda's own "Log out" ends the provider's session too
            browser.click(By.cssSelector("li.account > a.dropdown-toggle"));
            browser.click(By.cssSelector("li.logout > a"));
            expectLoggedOutOfBoth(browser);
        }
    }

    @Test
    void aPersonInNoneOfOurGroupsLogsInAndIsToldWhichGroupsGrantWhat() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();

            // When: a newcomer whose only provider group ("all-staff") is mapped to none of ours opens Tasklist
            page.get(tasklist());
            awaitProviderLogin(browser);
            logInAtProvider(browser, TestOidcProvider.NEWCOMER);

            // Then: they are logged in, and told what they lack and who grants it, not shown an error
            browser.await().until(urlToBe(run.baseUrl() + "/sso/no-access"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("No access yet");
            assertThat(page.findElement(By.tagName("body")).getText())
                    .contains(TestOidcProvider.NEWCOMER + " logged in, but none of your groups")
                    .contains("oversight-team", Roles.OVERSEERS, "review monitoring alerts");
            // And: Tasklist shows them nothing
            page.get(tasklist());
            browser.await().until(textToBePresentInElementLocated(By.tagName("body"), "status=403"));
            assertThat(filterNames(page)).isEmpty();

            logOutAndExpectTheProviderToAskAgain(browser);
        }
    }

    /** Our /logout ends the provider's session too: the next page asks for the password again. */
    private void logOutAndExpectTheProviderToAskAgain(Browser browser) {
        browser.driver().get(run.baseUrl() + "/logout");
        expectLoggedOutOfBoth(browser);
    }

    private void expectLoggedOutOfBoth(Browser browser) {
        WebDriver page = browser.driver();
        browser.await().until(urlToBe(run.baseUrl() + "/sso/logged-out"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");
        page.get(tasklist());
        awaitProviderLogin(browser);
    }

    private void awaitProviderLogin(Browser browser) {
        browser.await().until(d -> d.getCurrentUrl().startsWith(run.provider().issuer() + "/login"));
    }

    private static void logInAtProvider(Browser browser, String user) {
        browser.click(By.id("username")).sendKeys(user);
        browser.click(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        browser.click(By.cssSelector("button[type=submit]"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> filterNames(WebDriver page) {
        return (List<String>) ((JavascriptExecutor) page).executeScript(FILTER_NAMES);
    }

    private String register(String prefix) {
        String systemId = TestSystems.uniqueId(prefix);
        Api.Response registered = admin.post("/api/systems", TestSystems.registration(systemId));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return systemId;
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private String welcome() {
        return run.baseUrl() + "/camunda/app/welcome/";
    }

    private String tasklist() {
        return run.baseUrl() + "/camunda/app/tasklist/";
    }
}
