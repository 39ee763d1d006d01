package io.aiactops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.aiactops.deployment.ModelDeploymentProcess;
import io.aiactops.incidents.RegimeReportingProcess;
import io.aiactops.incidents.SeriousIncidentProcess;
import io.aiactops.maintenance.CorrectiveActionProcess;
import io.aiactops.maintenance.InstructionsDistributionProcess;
import io.aiactops.maintenance.PostMarketReviewProcess;
import io.aiactops.oversight.OversightReviewProcess;
import io.aiactops.oversight.SystemStopProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every element id, message name, error code and process key a {@code *Process} class declares names an
 * element of that kind in its BPMN file, as the XML parser reads it: a renamed element or constant fails
 * here, not in a running process. A message may be declared in another process's file (a start message
 * another process correlates). Constants that are values, not ids (decisions, statuses), are not checked.
 */
class ProcessConstantsTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Path PROCESSES = Path.of("processes");

    /** What an id constant must name, by the prefix of its name. */
    private static final Map<String, Set<String>> KINDS = Map.of(
            "START", Set.of("startEvent"),
            "TASK", Set.of("serviceTask", "userTask", "receiveTask", "businessRuleTask", "sendTask", "scriptTask",
                    "manualTask", "task", "callActivity"),
            "EVENT", Set.of("intermediateCatchEvent", "intermediateThrowEvent"),
            "CATCH", Set.of("intermediateCatchEvent"),
            "BOUNDARY", Set.of("boundaryEvent"),
            "END", Set.of("endEvent"),
            "GATEWAY", Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway"),
            "SUBPROCESS", Set.of("subProcess"));

    /** The {@code *Process} class of each BPMN file. */
    private static final List<Class<?>> PROCESS_CLASSES = List.of(ModelDeploymentProcess.class,
            SeriousIncidentProcess.class, RegimeReportingProcess.class, CorrectiveActionProcess.class,
            InstructionsDistributionProcess.class, PostMarketReviewProcess.class, OversightReviewProcess.class,
            SystemStopProcess.class);

    @Test
    void everyProcessFileHasItsClassChecked() throws Exception {
        Set<String> checked = new HashSet<>();
        for (Class<?> process : PROCESS_CLASSES) {
            checked.add((String) process.getField("KEY").get(null));
        }
        try (Stream<Path> files = Files.list(PROCESSES)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".bpmn"))
                    .map(f -> f.substring(0, f.length() - ".bpmn".length()))).containsExactlyInAnyOrderElementsOf(checked);
        }
    }

    @ParameterizedTest
    @MethodSource("processClasses")
    void everyConstantNamesAnElementOfItsKindInTheProcessFile(Class<?> process) throws Exception {
        String key = (String) process.getField("KEY").get(null);
        Model model = Model.parse(PROCESSES.resolve(key + ".bpmn"));
        Set<String> allMessages = allMessageNames();

        assertThat(problems(process, model, allMessages)).as(process.getSimpleName() + " against " + key + ".bpmn").isEmpty();
    }

    static List<Class<?>> processClasses() {
        return PROCESS_CLASSES;
    }

    @Test
    void theCheckFailsForARenamedConstantOrAnIdOfAnotherKind() throws Exception {
        Model model = Model.parse(PROCESSES.resolve("corrective-action.bpmn"));

        assertThat(problems(Renamed.class, model, allMessageNames())).containsExactlyInAnyOrder(
                "TASK_DECIDE = Task_DecideCorrectiveActions: no element with this id",
                "END_CLOSED = Task_CloseCorrectiveAction: a serviceTask, not one of [endEvent]",
                "MESSAGE_REQUESTED = CorrectiveActionAsked: no message of this name in any BPMN file",
                "KEY = corrective-actions: the file's process is corrective-action");
    }

    /** corrective-action's constants with typical mistakes: a renamed id, an id of another kind, a renamed message. */
    static final class Renamed {
        public static final String KEY = "corrective-actions";
        public static final String TASK_DECIDE = "Task_DecideCorrectiveActions";
        public static final String END_CLOSED = "Task_CloseCorrectiveAction";
        public static final String MESSAGE_REQUESTED = "CorrectiveActionAsked";
        public static final String TASK_OPEN = "Task_OpenCorrectiveAction";
    }

    private static List<String> problems(Class<?> process, Model model, Set<String> allMessages) throws IllegalAccessException {
        List<String> problems = new ArrayList<>();
        for (Field field : process.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers) || field.getType() != String.class) {
                continue;
            }
            String name = field.getName();
            String value = (String) field.get(null);
            String prefix = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
            if (name.equals("KEY")) {
                if (!model.processIds.contains(value)) {
                    problems.add(name + " = " + value + ": the file's process is " + String.join(", ", model.processIds));
                }
            } else if (prefix.equals("MESSAGE")) {
                if (!allMessages.contains(value)) {
                    problems.add(name + " = " + value + ": no message of this name in any BPMN file");
                }
            } else if (prefix.equals("ERROR")) {
                if (!model.errorCodes.contains(value)) {
                    problems.add(name + " = " + value + ": no error with this code");
                }
            } else if (KINDS.containsKey(prefix)) {
                String kind = model.kindById.get(value);
                if (kind == null) {
                    problems.add(name + " = " + value + ": no element with this id");
                } else if (!KINDS.get(prefix).contains(kind)) {
                    problems.add(name + " = " + value + ": a " + kind + ", not one of " + KINDS.get(prefix).stream().sorted().toList());
                }
            }
        }
        return problems;
    }

    private static Set<String> allMessageNames() throws Exception {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                names.addAll(Model.parse(file).messageNames);
            }
        }
        return names;
    }

    /** The ids of a BPMN file, by the local name of the element that carries them. */
    private record Model(List<String> processIds, Map<String, String> kindById, Set<String> messageNames,
            Set<String> errorCodes) {

        static Model parse(Path file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document;
            try {
                document = factory.newDocumentBuilder().parse(file.toFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            List<String> processIds = new ArrayList<>();
            Map<String, String> kindById = new HashMap<>();
            Set<String> messageNames = new HashSet<>();
            Set<String> errorCodes = new HashSet<>();
            NodeList elements = document.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                String kind = element.getLocalName();
                switch (kind) {
                    case "process" -> processIds.add(element.getAttribute("id"));
                    case "message" -> messageNames.add(element.getAttribute("name"));
                    case "error" -> errorCodes.add(element.getAttribute("errorCode"));
                    default -> {
                        if (element.hasAttribute("id")) {
                            kindById.put(element.getAttribute("id"), kind);
                        }
                    }
                }
            }
            return new Model(processIds, kindById, messageNames, errorCodes);
        }
    }
}
