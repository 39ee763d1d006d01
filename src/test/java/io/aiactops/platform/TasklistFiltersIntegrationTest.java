package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import io.aiactops.platform.security.Roles;
import io.aiactops.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

/**
 * Each role sees only the Tasklist filters of its work, its main one first (Tasklist lists filters by
 * ascending priority), and an installation that granted every filter to every person is brought to
 * that state at the next start, its filters updated in place.
 */
@IntegrationTest
class TasklistFiltersIntegrationTest {

    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void eachRoleSeesItsOwnFiltersItsMainOneFirst() {
        assertThat(visibleTo(Roles.OVERSEERS)).containsExactly("Alerts to review — critical first", "My open tasks");
        assertThat(visibleTo(Roles.INCIDENT_MANAGERS)).containsExactly("Incidents due within 48 h", "My open tasks",
                "Serious incidents — all open tasks");
        assertThat(visibleTo(Roles.PROCESS_OWNERS)).containsExactly("Model releases — open tasks",
                "Stopped AI systems awaiting resume", "Corrective actions — open tasks", "My open tasks");
        assertThat(visibleTo(Roles.AUDITORS)).isEmpty();
        assertThat(visibleTo("camunda-admin")).contains("Alerts to review — critical first", "My open tasks",
                "Incidents due within 48 h", "Serious incidents — all open tasks", "Model releases — open tasks",
                "Stopped AI systems awaiting resume", "Corrective actions — open tasks");
    }

    @Test
    void anEarlierGrantOfEveryFilterToEveryPersonIsRevokedAtStartAndNoFilterIsDuplicated() throws Exception {
        Authorization everything = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        everything.setGroupId(Roles.OVERSEERS);
        everything.setResource(Resources.FILTER);
        everything.setResourceId(Authorization.ANY);
        everything.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everything);
        String releases = filters.createFilterQuery().filterName("Model releases — open tasks").singleResult().getId();
        Authorization stray = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        stray.setGroupId(Roles.OVERSEERS);
        stray.setResource(Resources.FILTER);
        stray.setResourceId(releases);
        stray.addPermission(Permissions.READ);
        authorizations.saveAuthorization(stray);
        assertThat(visibleTo(Roles.OVERSEERS)).contains("Incidents due within 48 h", "Model releases — open tasks");
        long before = filters.createFilterQuery().count();

        for (String runner : List.of("identityBootstrap", "tasklistFilters")) { // what every start runs, in order
            context.getBean(runner, ApplicationRunner.class).run(new DefaultApplicationArguments());
        }

        assertThat(visibleTo(Roles.OVERSEERS)).containsExactly("Alerts to review — critical first", "My open tasks");
        assertThat(filters.createFilterQuery().count()).isEqualTo(before);
        assertThat(filters.createFilterQuery().filterName("Model releases — open tasks").singleResult().getId())
                .isEqualTo(releases);
    }

    private List<String> visibleTo(String group) {
        identity.setAuthentication("someone-in-" + group, List.of(group));
        try {
            return filters.createFilterQuery().list().stream()
                    .sorted(Comparator.comparing((Filter f) -> ((Number) f.getProperties().get("priority")).intValue())
                            .thenComparing(Filter::getName))
                    .map(Filter::getName).toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
