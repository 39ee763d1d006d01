package io.aiactops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebappSingleSignOnFilterTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    @Test
    void aPersonInNoIdentityTableGetsTheWebappsTheirGroupsMayOpenUntilTheyLogOut() {
        ProcessEngine processEngine = engine.getProcessEngine();
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        tasklist.setGroupId(Roles.OVERSEERS);
        tasklist.setResource(Resources.APPLICATION);
        tasklist.setResourceId("tasklist");
        tasklist.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(tasklist);
        processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(true);
        try {
            UserAuthentication login = new WebappSingleSignOnFilter().createAuthentication(processEngine, "olivia",
                    List.of(Roles.OVERSEERS), null);

            assertThat(processEngine.getIdentityService().createUserQuery().userId("olivia").count()).isZero();
            assertThat(login.getIdentityId()).isEqualTo("olivia");
            assertThat(login.getGroupIds()).containsExactly(Roles.OVERSEERS);
            assertThat(login.getAuthorizedApps()).containsExactlyInAnyOrder("welcome", "tasklist");
            assertThat(login.getCacheValidationTime().toInstant()).as("never revalidated against the identity tables")
                    .isAfter(Instant.parse("9999-12-31T00:00:00Z"));
        } finally {
            processEngine.getProcessEngineConfiguration().setAuthorizationEnabled(false);
            authorizations.deleteAuthorization(tasklist.getId());
        }
    }
}
