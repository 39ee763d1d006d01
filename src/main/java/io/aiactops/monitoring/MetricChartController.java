package io.aiactops.monitoring;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.security.WebappLogin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A metric's recorded values as JSON and as an SVG chart: on /api for clients (HTTP Basic, tokens),
 * and the chart again under /systems for people in a browser, with their Tasklist login. A Camunda
 * Form shows it from there: an image in a form cannot send the credentials /api asks for.
 */
@RestController
@Tag(name = "Monitoring", description = "Monitoring signals and Prometheus Alertmanager alerts")
class MetricChartController {

    static final String SVG = "image/svg+xml";

    /** Who may see charts in the browser: the people of {@code GET /api/systems/{id}/metrics/...}, administrators included. */
    static final Set<String> VIEWERS = Set.of(Roles.anyOf(Roles.OVERSEERS, Roles.PROCESS_OWNERS,
            Roles.INCIDENT_MANAGERS, Roles.AUDITORS));
    static final String VIEWERS_IN_WORDS = "AI overseers, process owners, incident managers and auditors";

    /** The image stands alone: no script, style sheet or anything else to load, and never framed by another site. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'self'";

    private final MetricCharts charts;
    private final WebappLogin webappLogin;

    MetricChartController(MetricCharts charts, WebappLogin webappLogin) {
        this.charts = charts;
        this.webappLogin = webappLogin;
    }

    @GetMapping("/api/systems/{id}/metrics/{metric}/series")
    @Operation(operationId = "getMetricSeries", summary = "A metric's recorded values over a window ending now, with the "
            + "warning and critical bounds of the current thresholds table (null where the table sets none)")
    MetricCharts.Series series(@PathVariable String id, @PathVariable String metric, @RequestParam(required = false)
            @Parameter(description = "ISO-8601 duration, e.g. P30D, PT12H or PT30M; at most P400D", example = "P30D") String window) {
        return charts.series(id, metric, window);
    }

    @GetMapping("/api/systems/{id}/metrics/{metric}/chart.svg")
    @Operation(operationId = "getMetricChart", summary = "The same values as an SVG chart of 720 × 240 with the warning "
            + "and critical thresholds", responses = @ApiResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = SVG, schema = @Schema(type = "string"))))
    ResponseEntity<String> chart(@PathVariable String id, @PathVariable String metric, @RequestParam(required = false)
            @Parameter(description = "ISO-8601 duration, e.g. P30D, PT12H or PT30M; at most P400D", example = "P30D") String window) {
        return svg(charts.chart(id, metric, window));
    }

    /** The chart for a browser logged in to Tasklist, e.g. inside the "Review monitoring alert" form. */
    @GetMapping("/systems/{id}/metrics/{metric}/chart.svg")
    ResponseEntity<String> chartForPeople(@PathVariable String id, @PathVariable String metric,
            @RequestParam(required = false) String window, HttpServletRequest request) {
        webappLogin.require(request, "the charts", VIEWERS, VIEWERS_IN_WORDS);
        return svg(charts.chart(id, metric, window));
    }

    private static ResponseEntity<String> svg(String chart) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SVG))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(chart);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.GET, "/api/systems/*/metrics/*/series", Roles.PEOPLE)
                    .allow(HttpMethod.GET, "/api/systems/*/metrics/*/chart.svg", Roles.PEOPLE);
        }
    }
}
