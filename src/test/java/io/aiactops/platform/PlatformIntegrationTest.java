package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlatformIntegrationTest {

    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ApplicationContext context;

    @Test
    void runsOnPostgreSqlWithCamundasAndOurTables() {
        String version = jdbc.sql("SELECT version()").query(String.class).single();
        int camundaTables = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'act_ru_task'")
                .query(Integer.class).single();
        int ourTables = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'ai_system'")
                .query(Integer.class).single();

        assertThat(version).startsWith("PostgreSQL 15");
        assertThat(camundaTables).isEqualTo(1);
        assertThat(ourTables).isEqualTo(1);
    }

    @Test
    void theEngineDeploymentHoldsEveryFileOfProcessesAndForms() throws IOException {
        Set<String> files = filesIn("processes", "forms");
        var deployment = repositoryService.createDeploymentQuery().deploymentName("aiact-ops")
                .orderByDeploymentTime().desc().list().get(0);

        Set<String> deployed = Set.copyOf(repositoryService.getDeploymentResourceNames(deployment.getId()));

        assertThat(files).isNotEmpty();
        assertThat(deployed).containsAll(files);
    }

    @Test
    void aProcessOwnerDeploysAProcessWithItsFormAsCamundaModelerDoes() throws IOException {
        // The process-owner guide's step: a BPMN and its form in one deployment, no DMN in it.
        Api.Response deployed = Api.anonymous(port).as("process-owner").deploy("oversight-review: redeployed as is",
                Map.of("oversight-review.bpmn", Files.readString(Path.of("processes/oversight-review.bpmn")),
                        "review-monitoring-alert.form", Files.readString(Path.of("forms/review-monitoring-alert.form"))));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        String deploymentId = deployed.json().get("id").asText();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .containsExactlyInAnyOrder("oversight-review.bpmn", "review-monitoring-alert.form");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("oversight-review")
                .latestVersion().singleResult().getDeploymentId()).isEqualTo(deploymentId);
    }

    @Test
    void everyDelegateExpressionInEveryProcessResolvesToABean() throws IOException {
        Set<String> beans;
        try (Stream<Path> bpmn = Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn"))) {
            beans = bpmn.flatMap(PlatformIntegrationTest::delegateExpressions).collect(Collectors.toSet());
        }

        assertThat(beans).as("delegate expressions found in processes/*.bpmn").isNotEmpty()
                .allSatisfy(bean -> assertThat(context.containsBean(bean)).as(bean).isTrue());
    }

    @Test
    void healthIsPublicAndMetricsNeedALogin() {
        Api api = Api.anonymous(port);

        assertThat(api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as("auditor").get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void engineRestUsesHttpBasicAgainstTheSameUsers() {
        Api api = Api.anonymous(port);

        assertThat(api.get("/engine-rest/task").status()).isEqualTo(401);
        // A wrong password delays further logins of that user (Camunda's brute-force protection), so
        // this uses a user no other test needs.
        assertThat(api.as("nobody", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.as("overseer").get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void demoUsersLogInToTheWebappsTheirGroupsAllow() throws Exception {
        assertThat(webappLogin("overseer", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("incident-manager", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("auditor", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("overseer", "cockpit")).isIn(401, 403);
        assertThat(webappLogin("ingest", "tasklist")).isIn(401, 403);
    }

    /** Logs in like the Tasklist login page does: fetch the CSRF cookie, then post the form. */
    private int webappLogin(String user, String app) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        return login.statusCode();
    }

    private static Set<String> filesIn(String... folders) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(names::add);
            }
        }
        return names;
    }

    private static Stream<String> delegateExpressions(Path bpmn) {
        try {
            Matcher matcher = DELEGATE_EXPRESSION.matcher(Files.readString(bpmn));
            return matcher.results().map(m -> m.group(1)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
