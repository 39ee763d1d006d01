package io.aiactops.platform.security;

import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based authentication for people who are in no identity table: Camunda's own
 * builds the webapps' login only for a user it finds there, and answers everybody else with a 500. Here
 * the login is the provider's person with the mapped groups, and the webapps they may open are those the
 * groups' authorizations grant, as Camunda decides them for local users.
 */
class WebappSingleSignOnFilter extends ContainerBasedAuthenticationFilter {

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groupIds,
            List<String> tenantIds) {
        List<String> groups = groupIds == null ? List.of() : groupIds;
        Set<String> apps = new HashSet<>(Set.of(AuthenticationUtil.APP_WELCOME));
        AuthorizationService authorizations = engine.getAuthorizationService();
        Arrays.stream(AuthenticationUtil.APPS)
                .filter(app -> !engine.getProcessEngineConfiguration().isAuthorizationEnabled()
                        || authorizations.isUserAuthorized(userId, groups, Permissions.ACCESS, Resources.APPLICATION, app))
                .forEach(apps::add);
        UserAuthentication login = new UserAuthentication(userId, engine.getName());
        login.setGroupIds(groups);
        login.setTenantIds(tenantIds == null ? List.of() : tenantIds);
        login.setAuthorizedApps(apps);
        // Never due for Camunda's revalidation, which reloads the user from the identity tables and, finding
        // nobody, logs them out of the webapps. Their groups are the provider's at login, until they log out.
        login.setCacheValidationTime(new Date(Long.MAX_VALUE));
        return login;
    }
}
