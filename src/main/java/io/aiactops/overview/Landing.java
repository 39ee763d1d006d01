package io.aiactops.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.aiactops.platform.process.TasklistFilter;
import io.aiactops.platform.security.Roles;
import io.aiactops.registry.AiSystem;
import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.FilterService;
import org.springframework.stereotype.Service;

/**
 * Where each person goes after logging in, by their groups: their Tasklist filters (the same ones, in
 * the same order, as Tasklist shows them), the pages and webapps their groups open, and for auditors
 * where the evidence is. Shown on the Camunda welcome page by the {@code aiact-landing} plugin.
 */
@Service
public class Landing {

    /** A long list of systems would bury the rest of the page; /systems lists them all. */
    static final int MAX_SYSTEMS = 50;

    private static final String TASKLIST = "/camunda/app/tasklist/default/#/?filter=";
    private static final Set<String> CASE_BOARD = Set.of(Roles.INCIDENT_MANAGERS, Roles.OVERSEERS, Roles.AUDITORS,
            Roles.PROCESS_OWNERS, Roles.ADMINS);
    private static final Set<String> COCKPIT = Set.of(Roles.INCIDENT_MANAGERS, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.ADMINS);
    private static final Set<String> EVIDENCE = Set.of(Roles.AUDITORS, Roles.ADMINS);

    /** What each of our groups opens, for a person who has none of them. */
    static final List<Place> GROUPS = List.of(
            new Place(Roles.OVERSEERS, null, "review monitoring alerts, stop and resume AI systems (Tasklist)"),
            new Place(Roles.INCIDENT_MANAGERS, null, "serious-incident cases, their deadlines and reports (Tasklist, case board, Cockpit)"),
            new Place(Roles.PROCESS_OWNERS, null, "model releases, resumes, corrective actions, processes and thresholds (Tasklist, Cockpit)"),
            new Place(Roles.AUDITORS, null, "read and verify the log register, the documentation and every case (Cockpit, read-only)"),
            new Place(Roles.ADMINS, null, "users, groups and authorizations (Admin), and everything else"));

    /** A link with what it is for; {@code href} is a path of this server. */
    public record Place(String label, String href, String description) {
    }

    /** Where an AI system's evidence is. */
    public record Evidence(String systemId, String name, String registerVerification, String registerExport,
            String documentation, String overview) {
    }

    /**
     * @param evidence empty unless the person is an auditor or administrator
     * @param moreSystems systems beyond the first {@link #MAX_SYSTEMS}, listed on /systems
     * @param groups what each group opens, only for a person in none of them
     */
    public record View(String user, List<Place> places, List<Evidence> evidence, int moreSystems, List<Place> groups) {
    }

    private final List<TasklistFilter> filters;
    private final FilterService filterService;
    private final Registry registry;

    Landing(List<TasklistFilter> filters, FilterService filterService, Registry registry) {
        this.filters = filters;
        this.filterService = filterService;
        this.registry = registry;
    }

    public View of(String user, Set<String> groups) {
        List<Place> places = new ArrayList<>(tasklistFilters(groups));
        if (groups.stream().anyMatch(CASE_BOARD::contains)) {
            places.add(new Place("Serious incidents — case board", "/cases", "Open cases, most urgent deadline first"));
            places.add(new Place("AI systems", "/systems", "Each system's status, metrics with thresholds, open work and register head"));
        }
        if (groups.stream().anyMatch(COCKPIT::contains)) {
            places.add(new Place("Cockpit", "/camunda/app/cockpit/", "Every process instance and its history"));
        }
        if (groups.contains(Roles.ADMINS)) {
            places.add(new Place("Admin", "/camunda/app/admin/", "Users, groups, service accounts and authorizations"));
        }
        List<Evidence> evidence = List.of();
        int more = 0;
        if (groups.stream().anyMatch(EVIDENCE::contains)) {
            List<AiSystem> systems = registry.list();
            evidence = systems.stream().sorted(Comparator.comparing(AiSystem::id)).limit(MAX_SYSTEMS).map(Landing::evidence).toList();
            more = Math.max(0, systems.size() - MAX_SYSTEMS);
        }
        boolean inNone = Roles.ALL.stream().noneMatch(groups::contains);
        return new View(user, places, evidence, more, inNone ? GROUPS : List.of());
    }

    /** The person's filters in Tasklist's order (ascending priority), each opened by its id. */
    private List<Place> tasklistFilters(Set<String> groups) {
        boolean admin = groups.contains(Roles.ADMINS);
        Set<String> names = filters.stream().filter(f -> admin || f.groups().stream().anyMatch(groups::contains))
                .map(TasklistFilter::name).collect(Collectors.toSet());
        if (names.isEmpty()) {
            return List.of();
        }
        return filters.stream().filter(f -> names.contains(f.name()))
                .sorted(Comparator.comparingInt(TasklistFilter::priority).thenComparing(TasklistFilter::name))
                .flatMap(f -> filterService.createFilterQuery().filterName(f.name()).list().stream().findFirst()
                        .map(stored -> new Place("Tasklist: " + f.name(), TASKLIST + stored.getId(), f.description())).stream())
                .toList();
    }

    private static Evidence evidence(AiSystem system) {
        String api = "/api/systems/" + system.id();
        return new Evidence(system.id(), system.name(), api + "/logs/verify", api + "/logs/export",
                "/systems/" + system.id() + "/documentation", "/systems/" + system.id());
    }
}
