package io.aiactops.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recurring breach never lowers an open review's severity. */
class SeverityUpdateTest {

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # current | incoming | afterwards | takes rationale | brings forward
            WARNING   | CRITICAL | CRITICAL   | true            | true
            WARNING   | WARNING  | WARNING    | true            | false
            CRITICAL  | CRITICAL | CRITICAL   | true            | false
            CRITICAL  | WARNING  | CRITICAL   | false           | false
            """)
    void severityOnlyRises(Severity current, Severity incoming, Severity afterwards, boolean takesRationale,
            boolean bringsForward) {
        assertThat(SeverityUpdate.of(current, incoming)).isEqualTo(new SeverityUpdate(afterwards, takesRationale, bringsForward));
    }
}
