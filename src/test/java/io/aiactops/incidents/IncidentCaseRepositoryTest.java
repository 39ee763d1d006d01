package io.aiactops.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.aiactops.logs.EvidenceHolds;
import io.aiactops.notification.TrackedRecipients;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The case board's list costs the same number of queries for 1 case as for 40: statements are counted on
 * the connections of the app's own schema (Flyway, on H2), and the two readers of other capabilities
 * are asked once per list (recipients, and the holds of all the cases' AI systems).
 */
class IncidentCaseRepositoryTest {

    private static final DataSource H2 = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:incident-case-list;DB_CLOSE_DELAY=-1", "sa", "");
    private static final AtomicInteger STATEMENTS = new AtomicInteger();

    private final JdbcClient jdbc = JdbcClient.create(counting(H2));
    private final EvidenceHolds holds = mock(EvidenceHolds.class);
    private final TrackedRecipients recipients = mock(TrackedRecipients.class);
    private final IncidentCaseRepository repository = new IncidentCaseRepository(jdbc, holds, recipients);

    @BeforeAll
    static void schema() {
        Flyway.configure().dataSource(H2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .table("aiact_schema_history").load().migrate();
    }

    @BeforeEach
    void noCases() {
        JdbcClient plain = JdbcClient.create(H2);
        // Cases only: their AI system and holds belong to other capabilities, which this test does not build.
        plain.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        for (String table : List.of("incident_report", "incident_deadline", "incident_member_state", "incident_case")) {
            plain.sql("DELETE FROM " + table).update();
        }
        when(recipients.list(anyCollection())).thenReturn(Map.of());
        when(holds.listFor(anyCollection())).thenReturn(Map.of());
    }

    @ParameterizedTest(name = "{0} cases")
    @ValueSource(ints = {1, 2, 40})
    void aListCostsTheSameQueriesWhateverTheNumberOfCases(int cases) {
        for (int i = 1; i <= cases; i++) {
            insertCase("INC-2026-%05d".formatted(i), i % 2 == 0 ? "sys-b" : "sys-a");
        }
        STATEMENTS.set(0);

        List<IncidentCase> listed = repository.list(null);

        assertThat(listed).hasSize(cases);
        assertThat(listed.get(0).memberStates()).containsExactly("DE", "FR");
        assertThat(listed.get(0).deadlines()).hasSize(1);
        assertThat(listed.get(0).reports()).hasSize(1);
        assertThat(STATEMENTS.get()).as("statements for %d cases", cases).isEqualTo(IncidentCaseRepository.QUERIES);
        verify(recipients, times(1)).list(anyCollection());
        verify(holds, times(1)).listFor(anyCollection());
        verify(holds, never()).list(any());
    }

    private void insertCase(String id, String systemId) {
        JdbcClient plain = JdbcClient.create(H2);
        OffsetDateTime at = OffsetDateTime.parse("2026-11-25T09:00:00Z");
        plain.sql("""
                INSERT INTO incident_case (id, system_id, description, occurred_at, aware_at, reporter, reporter_contact,
                    persons_affected, origin, status, created_at, created_by)
                VALUES (?, ?, 'd', ?, ?, 'r', 'r@example.org', 0, 'api', 'OPEN', ?, 'ines')""")
                .params(id, systemId, at, at, at).update();
        for (String memberState : List.of("FR", "DE")) {
            plain.sql("INSERT INTO incident_member_state (case_id, country_code) VALUES (?, ?)").params(id, memberState).update();
        }
        plain.sql("""
                INSERT INTO incident_deadline (case_id, member_state, zone_id, nominal_last_day, nominal_ends_at,
                    adjusted_last_day, adjusted_ends_at, adjustment) VALUES (?, 'FR', 'Europe/Paris', ?, ?, ?, ?, 'NONE')""")
                .params(id, LocalDate.of(2026, 12, 10), at, LocalDate.of(2026, 12, 10), at).update();
        plain.sql("""
                INSERT INTO incident_report (case_id, report_number, report_type, member_state, recipient, content, sha256,
                    html, html_sha256, prepared_at, prepared_by) VALUES (?, 1, 'INITIAL', 'FR', 'msa@fr.example', '{}', 'a',
                    '<html></html>', 'b', ?, 'ines')""")
                .params(id, at).update();
    }

    /** The data source, whose connections count every statement they prepare or create. */
    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(IncidentCaseRepositoryTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(IncidentCaseRepositoryTest.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                            || m.getName().equals("prepareCall")) {
                                        STATEMENTS.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
