package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.aiactops.support.Api;
import io.aiactops.support.IntegrationTest;
import io.aiactops.support.TestSystems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fields the built-in monitors read, taken out of the stored jsonb by PostgreSQL, are the values
 * Jackson finds in the whole payload at the same pointers, whatever their JSON type.
 */
@IntegrationTest
class EventFieldsIntegrationTest {

    /** Pointers PostgreSQL follows itself, over every JSON type, escapes and a missing field. */
    private static final List<String> POINTERS = List.of("/output/score", "/output/decision", "/n/int", "/n/dec",
            "/n/exp", "/n/neg", "/n/big", "/n/negdec", "/n/tiny", "/b", "/nul", "/esc", "/uni", "/obj", "/arr",
            "/arr/0", "/arr/1", "/arr/9", "/a~1b", "/t~0x", "/absent", "/output/absent/deeper", "/output/decision/0", "");

    @LocalServerPort
    int port;
    @Autowired
    LogRegister register;
    @Autowired
    LogEventStore store;

    String systemId;

    @BeforeEach
    void appendInferencesAndOtherEvents() {
        Api api = Api.anonymous(port);
        systemId = TestSystems.register(api.as("process-owner"), "logs-fields");
        Api.Response appended = api.as("ingest").send("POST", "/api/systems/" + systemId + "/logs", "application/json", """
                [{"type":"inference","payload":{"inputRef":"in-1","output":{"score":0.70,"decision":"refer"},"n":{"int":12,"dec":0.10,
                   "exp":1.5e3,"neg":-4,"big":12345678901,"negdec":-0.5,"tiny":1e-7},"b":true,"nul":null,"esc":"a\\"b\\\\c\\nd","uni":"Grüße ☃",
                   "obj":{"k":[1,{"x":"y"}]},"arr":["first",2.5],"a/b":"slash","t~x":"tilde"}},
                 {"type":"custom","payload":{"output":{"score":0.99}}},
                 {"type":"inference","payload":{"inputRef":"in-2","output":{"score":1,"decision":7},"arr":[],"b":false}},
                 {"type":"inference","payload":{"inputRef":"in-3","output":null}}]""");
        assertThat(appended.status()).as(appended.body()).isEqualTo(201);
    }

    @Test
    void readsEachPointerAsJacksonReadsTheWholePayload() {
        List<EventFields> read = register.fieldsAfter(systemId, 0, 100, POINTERS);

        List<LogEvent> events = store.find(systemId, new LogQuery(null, null, List.of(), 0, 100));
        assertThat(read).hasSize(events.size());
        assertThat(read).extracting(EventFields::seq).containsExactlyElementsOf(events.stream().map(LogEvent::seq).toList());
        assertThat(read).extracting(EventFields::type).containsSubsequence("inference", "custom", "inference", "inference");
        for (int e = 0; e < read.size(); e++) {
            LogEvent whole = events.get(e);
            assertThat(read.get(e).type()).isEqualTo(whole.type());
            assertThat(read.get(e).occurredAt()).isEqualTo(whole.occurredAt());
            for (int p = 0; p < POINTERS.size(); p++) {
                assertThat(read.get(e).values().get(p)).as("event %d at '%s'", whole.seq(), POINTERS.get(p))
                        .isEqualTo(whole.payload().at(POINTERS.get(p)));
            }
        }
        EventFields first = read.stream().filter(e -> e.type().equals("inference")).findFirst().orElseThrow();
        assertThat(first.values().get(POINTERS.indexOf("/esc")).asText()).isEqualTo("a\"b\\c\nd");
        assertThat(first.values().get(POINTERS.indexOf("/absent")).isMissingNode()).isTrue();
        assertThat(first.values().get(POINTERS.indexOf("/nul")).isNull()).isTrue();
    }

    @Test
    void aPointerPostgresqlWouldReadOtherwiseStillFindsWhatJacksonFinds() {
        // PostgreSQL's #> would take -1 as the last element; the pointer standard finds nothing there.
        List<EventFields> read = register.fieldsAfter(systemId, 0, 100, List.of("/arr/-1", "/arr/01", "/output/score"));

        EventFields first = read.stream().filter(e -> e.type().equals("inference")).findFirst().orElseThrow();
        assertThat(first.values().get(0).isMissingNode()).isTrue();
        assertThat(first.values().get(1).isMissingNode()).isTrue();
        assertThat(first.values().get(2).asDouble()).isEqualTo(0.70);
    }

    @Test
    void pagesAfterASequenceNumber() {
        List<EventFields> all = register.fieldsAfter(systemId, 0, 100, List.of("/output/score"));
        int custom = all.stream().map(EventFields::type).toList().indexOf("custom");

        List<EventFields> afterInference = register.fieldsAfter(systemId, all.get(custom - 1).seq(), 2, List.of("/output/score"));

        assertThat(afterInference).extracting(EventFields::seq).containsExactly(all.get(custom).seq(), all.get(custom + 1).seq());
        assertThat(afterInference).extracting(e -> e.values().get(0).asText()).containsExactly("0.99", "1");
    }

    @Test
    void readsOnAcrossTheGapAPurgeLeavesBeforeAChainsFirstKeptEvent() {
        List<Long> all = register.fieldsAfter(systemId, 0, 100, List.of()).stream().map(EventFields::seq).toList();

        // Positions below the first kept event, as a monitor's may be after a retention purge: the range
        // (after, after + limit] then holds fewer events than are there, or none.
        assertThat(register.fieldsAfter(systemId, -1, 3, List.of())).extracting(EventFields::seq)
                .containsExactlyElementsOf(all.subList(0, 3));
        assertThat(register.fieldsAfter(systemId, -10, 3, List.of())).extracting(EventFields::seq)
                .containsExactlyElementsOf(all.subList(0, 3));
        assertThat(register.fieldsAfter(systemId, all.get(all.size() - 1), 3, List.of())).isEmpty();
    }
}
