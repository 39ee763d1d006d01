package io.aiactops.logs;

import java.net.URI;
import java.util.List;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
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
class EvidenceHoldController {

    record PlaceHold(String reason, String reference) {
    }

    record ReleaseHold(String reason) {
    }

    private final EvidenceHolds holds;

    EvidenceHoldController(EvidenceHolds holds) {
        this.holds = holds;
    }

    @PostMapping
    ResponseEntity<EvidenceHold> place(@PathVariable String id, @RequestBody PlaceHold request, Authentication caller) {
        EvidenceHold hold = holds.place(id, request.reason(), request.reference(), caller.getName());
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/holds/" + hold.id())).body(hold);
    }

    @PostMapping("/{holdId}/release")
    EvidenceHold release(@PathVariable String id, @PathVariable long holdId, @RequestBody ReleaseHold request,
            Authentication caller) {
        return holds.release(id, holdId, request.reason(), caller.getName());
    }

    @GetMapping
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
