package io.aiactops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which edits of the shipped thresholds table change the thresholds of the system 'sys-x'. */
class SystemThresholdsTest {

    private static final String HELD = "sys-x";
    private static final String SHIPPED = read();
    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("an identical redeploy", table -> table, false),
                edit("renamed rule ids", table -> table.replace("Rule_02", "Rule_AccuracyCritical"), false),
                edit("a default threshold", table -> table.replace("<text>&lt; 0.80</text>", "<text>&lt; 0.75</text>"), true),
                edit("a default rationale", table -> table.replace("\"Accuracy below 0.85\"", "\"Accuracy under 0.85\""), true),
                edit("two default rules swapped", SystemThresholdsTest::swapRules02And03, true),
                edit("another system's threshold", table -> table.replace("&lt; -0.05, &gt; 0.05</text></inputEntry>\n"
                        + "        <outputEntry id=\"Rule_01_Severity\">", "&lt; -0.04, &gt; 0.04</text></inputEntry>\n"
                        + "        <outputEntry id=\"Rule_01_Severity\">"), false),
                edit("another system's rule now for the held one", table -> table.replace("\"demo-credit-scoring\"", "\"sys-x\""), true),
                edit("a rule added for the held system", table -> ruleOnTop(table, "\"sys-x\""), true),
                edit("a rule added for another system", table -> ruleOnTop(table, "\"sys-y\""), false),
                edit("a rule added for a list with the held system", table -> ruleOnTop(table, "\"sys-y\",\"sys-x\""), true),
                edit("a rule added for a list without it", table -> ruleOnTop(table, "\"sys-y\",\"sys-z\""), false),
                edit("a rule added for every system but the held one", table -> ruleOnTop(table, "not(\"sys-x\")"), false),
                edit("a rule added for every system but another", table -> ruleOnTop(table, "not(\"sys-y\")"), true),
                edit("a rule added with an empty system entry", table -> ruleOnTop(table, ""), true),
                edit("a rule added for a matching prefix", table -> ruleOnTop(table, "starts with(?, \"sys-\")"), true),
                edit("a rule added for another prefix", table -> ruleOnTop(table, "starts with(?, \"demo-\")"), false),
                edit("the hit policy", table -> table.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""), true));
    }

    @ParameterizedTest(name = "{0}: changes the held system''s thresholds = {2}")
    @MethodSource("edits")
    void comparesOnlyTheRulesThatApplyToTheSystem(String edit, UnaryOperator<String> change, boolean changes) {
        String edited = change.apply(SHIPPED);

        assertThat(edited.equals(SHIPPED)).as("the edit applies").isEqualTo(edit.equals("an identical redeploy"));
        assertThat(SystemThresholds.of(decision(SHIPPED), HELD, FEEL).equals(SystemThresholds.of(decision(edited), HELD, FEEL)))
                .isEqualTo(!changes);
    }

    private static Arguments edit(String name, UnaryOperator<String> change, boolean changes) {
        return Arguments.of(name, change, changes);
    }

    private static String ruleOnTop(String table, String systemTest) {
        return table.replaceFirst("<rule id=\"Rule_01\">", """
                <rule id="Rule_Added">
                        <inputEntry id="Rule_Added_AiSystemId"><text>%s</text></inputEntry>
                        <inputEntry id="Rule_Added_Metric"><text>"accuracy"</text></inputEntry>
                        <inputEntry id="Rule_Added_Category"><text>-</text></inputEntry>
                        <inputEntry id="Rule_Added_Value"><text>&lt; 0.95</text></inputEntry>
                        <outputEntry id="Rule_Added_Severity"><text>"warning"</text></outputEntry>
                        <outputEntry id="Rule_Added_Rationale"><text>"Accuracy below 0.95"</text></outputEntry>
                      </rule>
                      <rule id="Rule_01">""".formatted(systemTest));
    }

    private static String swapRules02And03(String table) {
        String rule02 = rule(table, "Rule_02");
        String rule03 = rule(table, "Rule_03");
        return table.replace(rule02, "@@02@@").replace(rule03, rule02).replace("@@02@@", rule03);
    }

    private static String rule(String table, String id) {
        int start = table.indexOf("<rule id=\"" + id + "\">");
        return table.substring(start, table.indexOf("</rule>", start) + "</rule>".length());
    }

    private static Decision decision(String dmn) {
        return Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .getModelElementById(Thresholds.DECISION_KEY);
    }

    private static String read() {
        try {
            return Files.readString(Path.of("processes/monitoring-thresholds.dmn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
