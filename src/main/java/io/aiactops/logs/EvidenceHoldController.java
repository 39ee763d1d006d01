package io.aiactops.logs;

import java.net.URI;
import java.util.List;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Evidence holds of a system: place, release, list. */
@RestController
@RequestMapping("/api/systems/{id}/holds")
@Tag(name = "Evidence holds", description = "Holds that keep a log register from being purged")
class EvidenceHoldController {

    @Schema(example = """
            {"reason": "Litigation: complaint of an applicant refused on 2026-11-20",
             "reference": "legal-2026-114"}""")
    record PlaceHold(String reason, String reference) {
    }

    @Schema(example = """
            {"reason": "Litigation settled on 2026-12-01; counsel confirmed in writing"}""")
    record ReleaseHold(String reason) {
    }

    private final EvidenceHolds holds;

    EvidenceHoldController(EvidenceHolds holds) {
        this.holds = holds;
    }

    @PostMapping
    @Operation(operationId = "placeEvidenceHold", summary = "Place an evidence hold on a system's log register")
    @ApiResponse(responseCode = "201", description = "Placed", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EvidenceHold.class)))
    ResponseEntity<EvidenceHold> place(@PathVariable String id, @RequestBody PlaceHold request, Authentication caller) {
        EvidenceHold hold = holds.place(id, request.reason(), request.reference(), caller.getName());
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/holds/" + hold.id())).body(hold);
    }

    @PostMapping("/{holdId}/release")
    @Operation(operationId = "releaseEvidenceHold", summary = "Release an evidence hold")
    @ApiResponse(responseCode = "200", description = "Released", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = EvidenceHold.class)))
    @ApiResponse(responseCode = "409", description = "Already released, or the hold of an open serious-incident case,"
            + " which the case releases itself (Art. 73(6))")
    EvidenceHold release(@PathVariable String id, @PathVariable long holdId, @RequestBody ReleaseHold request,
            Authentication caller) {
        return holds.releaseByHand(id, holdId, request.reason(), caller.getName());
    }

    @GetMapping
    @Operation(operationId = "listEvidenceHolds", summary = "List the evidence holds of a system")
    List<EvidenceHold> list(@PathVariable String id) {
        return holds.list(id);
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/holds", Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.POST, "/api/systems/*/holds/*/release", Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/systems/*/holds", Roles.AUDITORS, Roles.PROCESS_OWNERS,
                            Roles.INCIDENT_MANAGERS, Roles.OVERSEERS);
        }
    }
}
