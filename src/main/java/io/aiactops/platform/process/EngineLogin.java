package io.aiactops.platform.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is logged in to the engine for the command under way (Tasklist, /engine-rest); empty for our own API and jobs. */
public final class EngineLogin {

    private EngineLogin() {
    }

    public static Optional<String> userId(ProcessEngineServicesAware scope) {
        Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }
}
