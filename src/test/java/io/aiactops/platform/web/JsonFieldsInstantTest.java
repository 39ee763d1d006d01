package io.aiactops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants in API input are read by the shared ISO reader, and a bad one is refused naming its field. */
class JsonFieldsInstantTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-25T09:30:00Z", "2026-11-25T11:30:00.000+02:00", "2026-11-25T04:00:00-05:30" })
    void readsAnIsoDateTimeWithOffset(String text) throws Exception {
        JsonFields fields = JsonFields.of(JSON.readTree("{\"at\":\"" + text + "\"}"), "[3]", Set.of("at"));

        assertThat(fields.instant("at", true)).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-25T09:30:00", "2026-11-25 09:30:00Z", "2026-02-30T09:30:00Z", "yesterday" })
    void refusesAnythingElseNamingTheField(String text) throws Exception {
        JsonFields fields = JsonFields.of(JSON.readTree("{\"at\":\"" + text + "\"}"), "[3]", Set.of("at"));

        assertThatThrownBy(() -> fields.instant("at", true)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("[3].at")).hasMessageContaining("ISO-8601 date-time with offset");
    }
}
