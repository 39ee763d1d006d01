package io.aiactops.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import io.aiactops.platform.security.Roles;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;

/** Who gets which places: the groups decide, and somebody in none of ours is told which group grants what. */
class LandingTest {

    private final Registry registry = mock(Registry.class);
    private final Landing landing = new Landing(List.of(), mock(FilterService.class), registry);

    @Test
    void somebodyInNoneOfOurGroupsIsToldWhichGroupGrantsWhat() {
        Landing.View view = landing.of("newcomer", Set.of("marketing"));

        assertThat(view.places()).isEmpty();
        assertThat(view.evidence()).isEmpty();
        assertThat(view.groups()).extracting(Landing.Place::label).containsExactly(Roles.OVERSEERS,
                Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.ADMINS);
    }

    @Test
    void onlyAuditorsAndAdministratorsSeeTheEvidenceOfAtMostFiftySystems() {
        List<AiSystem> systems = java.util.stream.IntStream.range(0, Landing.MAX_SYSTEMS + 3)
                .mapToObj(i -> mock(AiSystem.class)).toList();
        for (int i = 0; i < systems.size(); i++) {
            when(systems.get(i).id()).thenReturn("sys-%03d".formatted(i));
        }
        when(registry.list()).thenReturn(systems);

        Landing.View auditor = landing.of("auditor", Set.of(Roles.AUDITORS));
        assertThat(auditor.evidence()).hasSize(Landing.MAX_SYSTEMS).first().satisfies(first -> {
            assertThat(first.registerVerification()).isEqualTo("/api/systems/sys-000/logs/verify");
            assertThat(first.registerExport()).isEqualTo("/api/systems/sys-000/logs/export");
            assertThat(first.documentation()).isEqualTo("/systems/sys-000/documentation");
        });
        assertThat(auditor.moreSystems()).isEqualTo(3);
        assertThat(auditor.groups()).isEmpty();
        assertThat(landing.of("overseer", Set.of(Roles.OVERSEERS)).evidence()).isEmpty();
    }
}
