package io.aiactops.maintenance;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/systems/{id}/post-market-reports}: request a post-market review on demand, and list the reviews. */
@RestController
@Tag(name = "Post-market monitoring", description = "Post-market monitoring plans (Art. 72)")
class PostMarketReportController {

    private static final Set<String> FIELDS = Set.of("from", "to");

    private final PostMarketReviewStarter starter;
    private final PostMarketReports reports;

    PostMarketReportController(PostMarketReviewStarter starter, PostMarketReports reports) {
        this.starter = starter;
        this.reports = reports;
    }

    record Requested(String id, String periodFrom, String periodTo) {
    }

    @PostMapping(path = "/api/systems/{id}/post-market-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestPostMarketReview",
            summary = "Start a post-market review on demand; from/to (ISO-8601) default to the last review-cadence period up to now; "
                    + "201 with the review id",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(name = "october", value = """
                            {"from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}"""))))
    Requested request(@PathVariable String id, @RequestBody(required = false) JsonNode body, Authentication caller) {
        // No body asks for the last period; a body that is there must be an object (a JSON null is refused).
        JsonFields fields = JsonFields.of(body == null ? JsonNodeFactory.instance.objectNode() : body, "", FIELDS);
        PostMarketReports.ReviewPeriod period = reports.onDemandPeriod(id, fields.instant("from", false),
                fields.instant("to", false));
        return new Requested(starter.start(period, PostMarketReports.ON_DEMAND, caller.getName()), period.from().toString(),
                period.to().toString());
    }

    @GetMapping("/api/systems/{id}/post-market-reports")
    @Operation(operationId = "listPostMarketReports",
            summary = "The system's post-market reviews, newest period first; a signed one with its sign-off, the frozen report "
                    + "(exact JSON text) and its SHA-256, also recorded in the register")
    List<PostMarketReport> list(@PathVariable String id) {
        return reports.list(id);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/post-market-reports", Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/systems/*/post-market-reports", Roles.PEOPLE);
        }
    }
}
