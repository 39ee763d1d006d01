package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/** What a deployed thresholds table must be; each broken variant is refused with its reason. */
class ThresholdTableRulesTest {

    private static final String SHIPPED = read();

    @Test
    void theShippedTableIsFine() {
        assertThat(problems(SHIPPED)).isEmpty();
    }

    @Test
    void aTableWithoutTheCatchAllRowIsRefused() {
        String withoutCatchAll = SHIPPED.replaceAll("(?s)<rule id=\"Rule_14\">.*?</rule>", "");

        assertThat(problems(withoutCatchAll)).singleElement().asString().contains("last rule must be the catch-all");
    }

    @Test
    void aMisspelledSeverityIsRefusedNamingTheRule() {
        String misspelled = SHIPPED.replaceFirst("<outputEntry id=\"Rule_02_Severity\"><text>\"critical\"",
                "<outputEntry id=\"Rule_02_Severity\"><text>\"critcal\"");

        assertThat(problems(misspelled)).singleElement().asString().contains("Rule_02").contains("critcal");
    }

    @Test
    void anotherHitPolicyIsRefused() {
        assertThat(problems(SHIPPED.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"")))
                .anySatisfy(p -> assertThat(p).contains("hit policy must be FIRST"));
    }

    private static List<String> problems(String dmn) {
        Decision decision = Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .getModelElementById(Thresholds.DECISION_KEY);
        return ThresholdTableRules.problems(decision);
    }

    private static String read() {
        try {
            return Files.readString(Path.of("processes/monitoring-thresholds.dmn"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
