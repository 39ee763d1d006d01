package io.aiactops.maintenance;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.correctiveaction.CorrectiveActionOrigin;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/systems/{id}/corrective-actions}: request a corrective action, or record an authority's order. */
@RestController
@Tag(name = "Corrective actions", description = "Corrective actions (Art. 20) and authority orders (Art. 79(2))")
class CorrectiveActionController {

    private static final Set<String> FIELDS = Set.of("reason", "origin", "reference", "authorityOrder");
    private static final Set<String> ORDER_FIELDS = Set.of("memberState", "reference", "orderedAt", "periodDays");

    private final CorrectiveActionStarter starter;
    private final CorrectiveActions actions;

    CorrectiveActionController(CorrectiveActionStarter starter, CorrectiveActions actions) {
        this.starter = starter;
        this.actions = actions;
    }

    record Opened(String id) {
    }

    @PostMapping(path = "/api/systems/{id}/corrective-actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestCorrectiveAction",
            summary = "Request a corrective action (origin api, oversight_review, serious_incident, post_market_review) or "
                    + "record an authority's order (origin authority_order, with authorityOrder); 201 with the case id",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                            @ExampleObject(name = "request", value = """
                                    {"reason": "Refusal rate for applicants over 60 drifted above the bias threshold",
                                     "origin": "api"}"""),
                            @ExampleObject(name = "authorityOrder", value = """
                                    {"reason": "The CNIL orders the bias in age groups to be corrected",
                                     "origin": "authority_order",
                                     "authorityOrder": {"memberState": "FR", "reference": "MSA-FR-2026-118",
                                                        "orderedAt": "2026-11-25T10:00:00+01:00", "periodDays": 30}}""") })))
    Opened request(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", FIELDS);
        String originName = fields.text("origin", false, 32);
        CorrectiveActionOrigin origin = originName == null ? CorrectiveActionOrigin.API : CorrectiveActionOrigin.fromWireName(originName);
        if (origin == null) {
            throw new InvalidFieldException("origin", "must be one of " + CorrectiveActionOrigin.wireNames());
        }
        NewCorrectiveAction.AuthorityOrder order = null;
        if (fields.has("authorityOrder")) {
            JsonFields o = JsonFields.of(body.get("authorityOrder"), "authorityOrder", ORDER_FIELDS);
            var period = o.number("periodDays", false);
            if (period != null && (period.stripTrailingZeros().scale() > 0 || period.signum() <= 0 || period.intValue() > 366)) {
                throw new InvalidFieldException("authorityOrder.periodDays", "must be a whole number of days between 1 and 366");
            }
            order = new NewCorrectiveAction.AuthorityOrder(o.text("memberState", true, 2), o.text("reference", true, 200),
                    o.instant("orderedAt", true), period == null ? null : period.intValue());
        }
        return new Opened(starter.start(new NewCorrectiveAction(id, fields.text("reason", true, 4000), origin,
                fields.text("reference", false, 200), order), caller.getName()));
    }

    @GetMapping("/api/systems/{id}/corrective-actions")
    @Operation(operationId = "listCorrectiveActions", summary = "The system's corrective actions, newest first, with every recipient informed and their acknowledgements")
    List<CorrectiveAction> list(@PathVariable String id) {
        return actions.list(id);
    }

    @GetMapping("/api/corrective-actions/{actionId}")
    @Operation(operationId = "getCorrectiveAction", summary = "One corrective action")
    CorrectiveAction get(@PathVariable String actionId) {
        return actions.get(actionId);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/corrective-actions", Roles.PROCESS_OWNERS, Roles.INCIDENT_MANAGERS)
                    .allow(HttpMethod.GET, "/api/systems/*/corrective-actions", Roles.PEOPLE)
                    .allow(HttpMethod.GET, "/api/corrective-actions/*", Roles.PEOPLE);
        }
    }
}
