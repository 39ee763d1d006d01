package io.aiactops.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/systems/{id}/signals}: one signal or an array; 202 once committed. */
@RestController
class SignalController {

    private final SignalParser parser;
    private final SignalIntake intake;

    SignalController(SignalParser parser, SignalIntake intake) {
        this.parser = parser;
        this.intake = intake;
    }

    @PostMapping(path = "/api/systems/{id}/signals", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    SignalReceipt accept(@PathVariable String id, @RequestBody JsonNode body, Authentication caller) {
        return intake.accept(id, caller.getName(), parser.parse(body));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.POST, "/api/systems/*/signals", Roles.INGEST);
        }
    }
}
