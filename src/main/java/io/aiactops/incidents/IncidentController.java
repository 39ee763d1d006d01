package io.aiactops.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.WireName;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonFields;
import io.aiactops.regimes.MdrCase;
import io.aiactops.regimes.Regime;
import io.aiactops.regimes.RegimeChoice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/incidents}: report a serious incident, and follow the open cases against their deadlines. */
@RestController
@Tag(name = "Incidents", description = "Serious incidents (Art. 73): intake and tracking against the legal deadlines")
class IncidentController {

    private static final Set<String> FIELDS = Set.of("aiSystemId", "description", "occurredAt", "awareAt", "reporter",
            "reporterContact", "memberStates", "personsAffected", "deployerReference");

    private static final Set<String> REGIME_FIELDS = Set.of("regime", "awareAt", "doraClassifiedAt", "nis2TrustService", "mdrCase");

    private final SeriousIncidentStarter starter;
    private final IncidentProgress progress;
    private final IncidentCases cases;
    private final RegimeReportingStarter regimeStarter;
    private final RegimeWaiver regimeWaiver;

    IncidentController(SeriousIncidentStarter starter, IncidentProgress progress, IncidentCases cases,
            RegimeReportingStarter regimeStarter, RegimeWaiver regimeWaiver) {
        this.starter = starter;
        this.progress = progress;
        this.cases = cases;
        this.regimeStarter = regimeStarter;
        this.regimeWaiver = regimeWaiver;
    }

    /** The case id, once the case and its process are committed. */
    record Opened(String id) {
    }

    @PostMapping(path = "/api/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "reportIncident", summary = "Report a serious incident; 201 with the case id once committed",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "incident", value = """
                            {"aiSystemId": "demo-credit-scoring",
                             "description": "Applicants over 60 were refused credit by an outdated scoring rule",
                             "occurredAt": "2026-11-24T16:00:00+01:00", "awareAt": "2026-11-25T09:00:00+01:00",
                             "reporter": "Claire Martin, bank branch Lyon", "reporterContact": "claire.martin@bank.example",
                             "memberStates": ["FR", "DE"], "personsAffected": 42, "deployerReference": "BANK-INC-77"}
                            """))))
    Opened report(@RequestBody JsonNode body, Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", FIELDS);
        Long persons = null;
        if (fields.has("personsAffected")) {
            var number = fields.number("personsAffected", true);
            if (number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
                throw new InvalidFieldException("personsAffected", "must be a whole number");
            }
            if (number.signum() < 0 || number.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new InvalidFieldException("personsAffected", "must be between 0 and " + Integer.MAX_VALUE);
            }
            persons = number.longValue();
        }
        boolean deployerClient = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Roles.DEPLOYERS::equals);
        String deployerReference = fields.text("deployerReference", false, 200);
        NewIncident incident = new NewIncident(fields.text("aiSystemId", true, 64), fields.text("description", true, 8000),
                fields.instant("occurredAt", true), fields.instant("awareAt", false), fields.text("reporter", true, 200),
                fields.text("reporterContact", true, 320), memberStates(body.get("memberStates")), persons,
                deployerReference, IncidentOrigin.API, deployerClient || deployerReference != null);
        return new Opened(starter.start(incident, caller.getName()));
    }

    @GetMapping("/api/incidents")
    @Operation(operationId = "listIncidents", summary = "Incident cases, the nearest deadline of any regime first; status=open|closed")
    List<IncidentProgress.IncidentDetails> list(@RequestParam(required = false) String status) {
        String filter = null;
        if (status != null) {
            filter = status.toUpperCase(Locale.ROOT);
            if (!filter.equals("OPEN") && !filter.equals("CLOSED")) {
                throw new InvalidFieldException("status", "must be open or closed");
            }
        }
        return progress.list(filter);
    }

    @GetMapping("/api/incidents/{id}")
    @Operation(operationId = "getIncident", summary = "One incident case: classification, deadlines, reports sent, holds, "
            + "current tasks, and each other regime's clocks (stage, due, submitted, late)")
    IncidentProgress.IncidentDetails get(@PathVariable String id) {
        return progress.get(id);
    }

    @PostMapping(path = "/api/incidents/{id}/regimes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addRegime", summary = "Add a regime later in the case (gdpr, nis2, dora, mdr) with the facts its "
            + "clocks need, as in \"Classify incident\"; its stage tasks start at once",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "dora", value = """
                            {"regime": "dora", "awareAt": "2026-11-25T09:00:00+01:00",
                             "doraClassifiedAt": "2026-11-25T11:00:00+01:00"}
                            """))))
    IncidentProgress.IncidentDetails addRegime(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", REGIME_FIELDS);
        String mdrCase = fields.text("mdrCase", false, 64);
        RegimeChoice choice = new RegimeChoice(wireName(Regime.class, "regime", fields.text("regime", true, 16)),
                fields.instant("awareAt", false), fields.instant("doraClassifiedAt", false), fields.flag("nis2TrustService"),
                mdrCase == null ? null : wireName(MdrCase.class, "mdrCase", mdrCase));
        cases.validateAddedRegime(id, choice);
        regimeStarter.start(id, cases.get(id).aiSystemId(), List.of(choice), caller.getName());
        return progress.get(id);
    }

    private static <E extends Enum<E> & WireName> E wireName(Class<E> type, String field, String text) {
        return WireName.find(type, text).orElseThrow(() -> new InvalidFieldException(field, "must be one of " + WireName.list(type)));
    }

    @PostMapping(path = "/api/incidents/{id}/regimes/{regime}/waiver", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "waiveRegime", summary = "Waive a regime the case started (gdpr, nis2, dora, mdr), with the reason; "
            + "a case waits to close until each of its regimes is finished or waived",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "waiver", value = """
                            {"reason": "The CSIRT confirmed that the incident is not significant under NIS2"}
                            """))))
    IncidentProgress.IncidentDetails waive(@PathVariable String id, @PathVariable String regime, @RequestBody JsonNode body,
            Authentication caller) {
        JsonFields fields = JsonFields.of(body, "", Set.of("reason"));
        // The guides write the regimes as people do (GDPR, NIS2): the path takes either case.
        Regime waived = wireName(Regime.class, "regime", regime.toLowerCase(Locale.ROOT));
        regimeWaiver.waive(id, waived, fields.text("reason", true, 4000), caller.getName());
        return progress.get(id);
    }

    private static List<String> memberStates(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidFieldException("memberStates", "is required: the ISO codes of the Member States where it occurred");
        }
        if (!node.isArray()) {
            throw new InvalidFieldException("memberStates", "must be an array of ISO codes, e.g. [\"FR\", \"DE\"]");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidFieldException("memberStates[" + i + "]", "must be a string");
            }
            codes.add(node.get(i).textValue());
        }
        return codes;
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/incidents", Roles.INCIDENT_MANAGERS, Roles.OVERSEERS, Roles.DEPLOYERS)
                    .allow(HttpMethod.GET, "/api/incidents", Roles.INCIDENT_MANAGERS, Roles.OVERSEERS, Roles.AUDITORS,
                            Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/incidents/*", Roles.INCIDENT_MANAGERS, Roles.OVERSEERS, Roles.AUDITORS,
                            Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.POST, "/api/incidents/*/regimes", Roles.INCIDENT_MANAGERS)
                    .allow(HttpMethod.POST, "/api/incidents/*/regimes/*/waiver", Roles.INCIDENT_MANAGERS);
        }
    }
}
