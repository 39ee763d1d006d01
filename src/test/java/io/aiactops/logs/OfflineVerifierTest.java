package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The offline verifier ({@code src/verifier/verify_log_export.py}) on the worked example of
 * docs/log-register.md, judged by its exit code as an auditor's script would be: 0 valid, 1 not, 2
 * unreadable. Lines written differently from the canonical form must give the same answer as the
 * canonical line, since the verifier re-encodes what it reads.
 */
class OfflineVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Path.of("src/test/resources/verifier/documented-example.ndjson");

    @TempDir
    Path files;

    @Test
    void theDocumentedExampleVerifiesWithTheDocumentedHash() throws Exception {
        String documentation = Files.readString(Path.of("docs/log-register.md"));
        String line = Files.readString(EXAMPLE).strip();
        assertThat(documentation).contains("`" + CanonicalJsonTest.DOCUMENTED_HASH + "`")
                .contains(line.substring(0, line.indexOf(",\"hash\":")) + "}");

        Outcome outcome = run(EXAMPLE);

        assertThat(outcome.exitCode()).as(outcome.output().toString()).isZero();
        assertThat(outcome.output().get("valid").asBoolean()).isTrue();
        assertThat(outcome.output().get("headHash").asText()).isEqualTo(CanonicalJsonTest.DOCUMENTED_HASH);
        assertThat(outcome.output().get("eventsChecked").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"score\":0.73|\"score\":0.7300",
            "\"score\":0.73|\"score\":73e-2",
            "\"confidence\":0.91,|\"confidence\" : 0.91 ,",
            "\"decision\":\"refer\"|\"decision\":\"\\u0072efer\"",
            "{\"decision\":\"refer\",\"score\":0.73}|{\"score\":0.73,\"decision\":\"refer\"}" })
    void anotherSpellingOfTheSameEventGivesTheSameAnswer(String canonical, String other) throws Exception {
        Outcome outcome = run(variant(canonical, other));

        assertThat(outcome.exitCode()).as(outcome.output().toString()).isZero();
        assertThat(outcome.output().get("headHash").asText()).isEqualTo(CanonicalJsonTest.DOCUMENTED_HASH);
    }

    /** 1: altered after it was hashed; 2: not an exported event at all (a duplicate key, NaN, an extra field). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"decision\":\"refer\"|\"decision\":\"approve\"|1|altered",
            "\"score\":0.73|\"score\":0.731|1|altered",
            "\"seq\":1,|\"seq\":2,|1|altered",
            "\"score\":0.73|\"score\":0.73,\"score\":0.74|2|line 1 ",
            "\"score\":0.73|\"score\":NaN|2|line 1 ",
            "\"type\":\"inference\"|\"type\":\"inference\",\"extra\":1|2|line 1 " })
    void aChangedLineFailsWithItsExitCode(String canonical, String changed, int exitCode, String why) throws Exception {
        Outcome outcome = run(variant(canonical, changed));

        assertThat(outcome.exitCode()).as(outcome.output().toString()).isEqualTo(exitCode);
        assertThat(outcome.output().path("valid").asBoolean()).isFalse();
        assertThat(outcome.output().path(exitCode == 1 ? "reason" : "error").asText()).contains(why);
    }

    private Path variant(String canonical, String other) throws IOException {
        String line = Files.readString(EXAMPLE);
        assertThat(line).contains(canonical);
        return Files.writeString(files.resolve("variant.ndjson"), line.replace(canonical, other));
    }

    private record Outcome(int exitCode, JsonNode output) {
    }

    private static Outcome run(Path export) throws Exception {
        Process process = new ProcessBuilder("python3", "src/verifier/verify_log_export.py", export.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        return new Outcome(exitCode, JSON.readTree(output));
    }
}
