package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.process.ProcessVariable;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of processes/ and forms/ as Camunda Modeler, the engine and Tasklist need it: no Spring,
 * no engine, one row per file, so a new process, table or form is checked without touching this test.
 * Each failure names the file and the element.
 */
class ProcessModelsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /** Camunda Modeler's ids: a random 7-character [0-9a-z] suffix, or "_1" for the first start event and process. */
    private static final Pattern MODELER_DEFAULT_ID = Pattern.compile("_([0-9a-z]{7}|\\d+)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> bpmnFiles() throws IOException {
        return files(PROCESSES, ".bpmn");
    }

    static Stream<Path> dmnFiles() throws IOException {
        return files(PROCESSES, ".dmn");
    }

    static Stream<Path> formFiles() throws IOException {
        return files(FORMS, ".form");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyBpmnOpensLaidOutInModelerWithNamedSemanticElements(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        assertThat(modelProblems(model)).as(file + " (model)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyBpmnFormIsDeployedWithItAndAsksOnlyForProcessVariables(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

        assertThat(formProblems(model, ProcessModelsTest::variablesOf)).as(file + " (forms)").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnFiles")
    void everyDmnParsesInTheDmnEngineAndKeepsHistoryForLimitedTime(Path file) throws IOException {
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(dmn.parseDecisions(in)).as(file + ": decisions").isNotEmpty();
        }

        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        assertThat(decisions).as(file + ": decisions").isNotEmpty();
        assertThat(decisions.stream().filter(decision -> isBlank(decision.getCamundaHistoryTimeToLiveString())).map(Decision::getId))
                .as(file + ": decisions without camunda:historyTimeToLive (the engine refuses to deploy them)")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void everyFormIsCamundaFormJsonNamedAfterItsId(Path file) throws IOException {
        JsonNode form = JSON.readTree(file.toFile());

        assertThat(form.path("id").asText()).as(file + ": \"id\" (formRef and file name)").isEqualTo(formId(file));
        assertThat(form.has("schemaVersion")).as(file + ": \"schemaVersion\" present").isTrue();
        assertThat(form.path("components").isArray()).as(file + ": \"components\" is an array").isTrue();
    }

    @Test
    void theChecksReportWhatModelerLeavesInANewDiagram() {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_0k3l9x2" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="Process_1" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_1"/>
                    <bpmn:userTask id="Activity_0abc123" camunda:formRef="review-monitoring-alert"/>
                    <bpmn:endEvent id="EndEvent_Done" name=" "/>
                    <bpmn:sequenceFlow id="Flow_0x1y2z3" sourceRef="StartEvent_1" targetRef="Activity_0abc123"/>
                    <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="Activity_0abc123" targetRef="EndEvent_Done"/>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
                      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                        <dc:Bounds x="152" y="82" width="36" height="36"/>
                      </bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8)));

        assertThat(modelProblems(model)).containsExactlyInAnyOrder(
                "Process_1: camunda:historyTimeToLive is missing",
                "Process_1: id is a Camunda Modeler default",
                "StartEvent_1: id is a Camunda Modeler default",
                "StartEvent_1: name is blank",
                "Activity_0abc123: id is a Camunda Modeler default",
                "Activity_0abc123: name is blank",
                "Activity_0abc123: no BPMNShape, Camunda Modeler cannot show it",
                "EndEvent_Done: name is blank",
                "EndEvent_Done: no BPMNShape, Camunda Modeler cannot show it",
                "Flow_0x1y2z3: id is a Camunda Modeler default",
                "Flow_0x1y2z3: no BPMNEdge, Camunda Modeler cannot show it",
                "Flow_ToDone: no BPMNEdge, Camunda Modeler cannot show it");
        assertThat(formProblems(model, process -> Set.of("aiSystemId", "metric", "category", "latestValue", "severity",
                "rationale", "firstSeenAt", "lastSeenAt", "breachCount", "alertResolvedAt", "knownLimitations", "decision",
                "followUpAt", "decisionReason"))).containsExactly(
                "Activity_0abc123: camunda:formRefBinding is null, must be \"deployment\" (the form is deployed with the BPMN)",
                "Activity_0abc123: form field \"modelVersion\" of review-monitoring-alert is not a ProcessVariable of Process_1");
    }

    // The checks, returning one line per problem: "<element id>: <what is wrong>".

    private static List<String> modelProblems(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(process.getId() + ": camunda:historyTimeToLive is missing");
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (isBlank(node.getName())) {
                problems.add(node.getId() + ": name is blank");
            }
            if (node.getDiagramElement() == null) {
                problems.add(node.getId() + ": no BPMNShape, Camunda Modeler cannot show it");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getDiagramElement() == null) {
                problems.add(flow.getId() + ": no BPMNEdge, Camunda Modeler cannot show it");
            }
        }
        Stream.of(Process.class, FlowElement.class, Message.class, Signal.class,
                        org.camunda.bpm.model.bpmn.instance.Error.class, Escalation.class)
                .flatMap(type -> model.getModelElementsByType(type).stream())
                .map(BaseElement::getId)
                .filter(id -> id != null && MODELER_DEFAULT_ID.matcher(id).find())
                .distinct()
                .forEach(id -> problems.add(id + ": id is a Camunda Modeler default"));
        return problems;
    }

    private static List<String> formProblems(BpmnModelInstance model, Function<Process, Set<String>> variables) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() == null) {
                problems.add(task.getId() + ": user task without camunda:formRef");
            }
            checkForm(task, task.getCamundaFormKey(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), variables, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            checkForm(start, start.getCamundaFormKey(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), variables, problems);
        }
        return problems;
    }

    private static void checkForm(FlowNode node, String formKey, String formRef, String binding,
            Function<Process, Set<String>> variables, List<String> problems) {
        if (formKey != null) {
            problems.add(node.getId() + ": camunda:formKey \"" + formKey + "\"; use camunda:formRef to a Camunda Form in forms/");
        }
        if (formRef == null) {
            return;
        }
        if (!"deployment".equals(binding)) {
            problems.add(node.getId() + ": camunda:formRefBinding is " + (binding == null ? "null" : "\"" + binding + "\"")
                    + ", must be \"deployment\" (the form is deployed with the BPMN)");
        }
        Path file = FORMS.resolve(formRef + ".form");
        if (!Files.isRegularFile(file)) {
            problems.add(node.getId() + ": camunda:formRef \"" + formRef + "\" but " + file + " does not exist");
            return;
        }
        JsonNode form;
        try {
            form = JSON.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(node.getId() + ": " + file + " is not JSON: " + e.getMessage());
            return;
        }
        if (!formRef.equals(form.path("id").asText())) {
            problems.add(node.getId() + ": camunda:formRef \"" + formRef + "\" but " + file + " has id \"" + form.path("id").asText() + "\"");
        }
        Process process = processOf(node);
        Set<String> known = variables.apply(process);
        for (String key : fieldKeys(form.path("components"))) {
            if (!known.contains(key)) {
                problems.add(node.getId() + ": form field \"" + key + "\" of " + formRef + " is not a ProcessVariable of " + process.getId());
            }
        }
    }

    /** The keys of a form's fields, including those inside groups. */
    private static List<String> fieldKeys(JsonNode components) {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            keys.addAll(fieldKeys(component.path("components")));
        }
        return keys;
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    /**
     * The names of the ProcessVariable constants of the process's {@code <Name>Variables} class
     * (oversight-review: io.aiactops.oversight.OversightReviewVariables), wherever its capability lives.
     */
    private static Set<String> variablesOf(Process process) {
        String className = Arrays.stream(process.getId().split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining()) + "Variables";
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
            sources = walk.filter(path -> path.getFileName().toString().equals(className + ".java")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(sources).as("process " + process.getId() + " declares its variables in exactly one " + className + ".java").hasSize(1);
        String fqcn = MAIN_SOURCES.relativize(sources.get(0)).toString().replace('/', '.').replaceAll("\\.java$", "");
        Set<String> names = new TreeSet<>();
        try {
            for (Field field : Class.forName(fqcn).getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
                    names.add(((ProcessVariable<?>) field.get(null)).name());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(fqcn, e);
        }
        return names;
    }

    private static Stream<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    private static String formId(Path file) {
        return file.getFileName().toString().replaceAll("\\.form$", "");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
