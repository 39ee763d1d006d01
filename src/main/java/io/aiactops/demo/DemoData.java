package io.aiactops.demo;

import java.time.Instant;
import java.util.List;

import io.aiactops.platform.security.OidcProperties;
import io.aiactops.platform.security.Roles;
import io.aiactops.registry.AiSystemDetails;
import io.aiactops.registry.Deployer;
import io.aiactops.registry.Registry;
import io.aiactops.registry.SystemStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per role (password "demo") and the demo AI system, for the zero-setup run.
 * Idempotent, so a restart on a persistent database changes nothing.
 */
@Component
// Under single sign-on people come from the provider: demo users with a known password must not exist.
@ConditionalOnExpression("${aiact.demo.enabled:false} && '${" + OidcProperties.ISSUER_KEY + ":}' == ''")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final String SYSTEM_ID = "demo-credit-scoring";
    /**
     * Since when the demo's version 1.0.0 serves: before the seeded history and the examples of the
     * guides, so that events sent with their times (KServe's carry no version) are attributed to it.
     */
    static final Instant IN_SERVICE_SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private record DemoUser(String id, String firstName, String lastName, String group) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("overseer", "Olivia", "Overseer", Roles.OVERSEERS),
            new DemoUser("incident-manager", "Ines", "Incident-Manager", Roles.INCIDENT_MANAGERS),
            new DemoUser("process-owner", "Paul", "Process-Owner", Roles.PROCESS_OWNERS),
            new DemoUser("auditor", "Aude", "Auditor", Roles.AUDITORS),
            new DemoUser("ingest", "Ingest", "Client", Roles.INGEST));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final Registry registry;

    DemoData(IdentityService identityService, Registry registry) {
        this.identityService = identityService;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach(this::ensureUser);
        if (registry.list().stream().noneMatch(s -> s.id().equals(SYSTEM_ID))) {
            registry.register(new AiSystemDetails(SYSTEM_ID, "Demo credit scoring",
                    "Evaluates the creditworthiness of natural persons applying for consumer loans "
                            + "(Annex III 5(b)); a loan officer takes the decision.",
                    "Less accurate for applicants with under 12 months of credit history and for self-employed "
                            + "applicants; not validated for business loans. Scores are advisory only.",
                    "Demo Lending Analytics SAS", "compliance@demo-lending.example", "5(b)", null,
                    List.of("FR", "DE"),
                    List.of(new Deployer("Banque Exemple FR", "ai-ops@banque-exemple.example"),
                            new Deployer("Beispielbank DE", "ki-betrieb@beispielbank.example")),
                    false, 365, SystemStatus.ACTIVE), "admin");
            registry.recordRunningVersion(SYSTEM_ID, "1.0.0", "models:/credit-scoring/1",
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", IN_SERVICE_SINCE, "admin");
        }
        log.info("Demo data ready: users {} (password \"{}\"), AI system {}",
                USERS.stream().map(DemoUser::id).toList(), PASSWORD, SYSTEM_ID);
    }

    private void ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@aiact-ops.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
    }
}
