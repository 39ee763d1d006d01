package io.aiactops.platform.process;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.security.WebappLogin;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task is completed, and a case started, with the fields of its form and nothing else, through
 * /engine-rest and through Tasklist's own API alike. Camunda sets every variable sent with a completion
 * before the task's listeners run, so without this a candidate could send {@code incidentId},
 * {@code aiSystemId}, {@code stage} or a decision of another task with their own, and the case's
 * delegates would act on it. Fields the form shows read-only ({@code disabled}) are not the
 * completer's to set either; Tasklist does not send them. A start is also refused with
 * {@code startInstructions} or skipped listeners, which would begin a case part-way, past its checks.
 * Registered in {@link FormSubmissions}.
 */
class FormSubmissionGuard extends OncePerRequestFilter {

    private static final String ENGINE = "(?:/engine-rest(?:/engine/[^/]+)?|%s/api/engine/engine/[^/]+)";
    /** The task's id, and what is done with it: every one of these sets the variables sent. */
    private static final String TASK = "/task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation)/?";
    private static final String START =
            "/process-definition/(?:key/([^/]+)(?:/tenant-id/([^/]+))?|([^/]+))/(start|submit-form|restart|restart-async)/?";
    private static final List<String> PART_WAY = List.of("startInstructions", "skipCustomListeners", "skipIoMappings");
    /** A form's fields are far smaller; a larger body is refused unread. */
    private static final int MAX_BODY = 1 << 20;

    private final Pattern task;
    private final Pattern start;
    private final FormService forms;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final WebappLogin webappLogin;
    private final ObjectMapper json;

    FormSubmissionGuard(String webappPath, FormService forms, TaskService tasks, RepositoryService repository,
            IdentityService identity, WebappLogin webappLogin, ObjectMapper json) {
        String engine = String.format(ENGINE, Pattern.quote(webappPath));
        this.task = Pattern.compile(engine + TASK);
        this.start = Pattern.compile(engine + START);
        this.forms = forms;
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.webappLogin = webappLogin;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !"POST".equals(request.getMethod()) || !(task.matcher(path).matches() || start.matcher(path).matches());
    }

    /**
     * The path as the REST resources match it: decoded, without path parameters, normalised by the
     * container; the raw URI could spell the same resource in ways a pattern on it would not see.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Unauthenticated callers get the engine's 401, not a verdict on their body. /engine-rest's login has
        // run; the webapps' runs after this filter, so there the session tells.
        boolean loggedIn = identity.getCurrentAuthentication() != null || webappLogin.current(request).isPresent();
        if (!loggedIn) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request body may be at most " + MAX_BODY + " bytes here: a form's fields are far fewer");
            return;
        }
        JsonNode submitted = parse(body);
        // A body the guard cannot read is not passed on: the engine's reader might read it otherwise.
        Optional<String> refusal = submitted == null
                ? Optional.of("The request body must be one JSON object, as /engine-rest documents it")
                : refusal(path(request), submitted);
        if (refusal.isPresent()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, refusal.get());
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** Answered as /engine-rest answers a task listener's refusal ({@link EngineRestRefusals}). */
    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), EngineRestRefusals.body(TaskRefusal.class, message));
    }

    /** The body as a JSON object (an empty body as an empty one), or {@code null} where it is none. */
    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Optional<String> refusal(String path, JsonNode submitted) {
        Matcher completion = task.matcher(path);
        if (completion.matches()) {
            String what = completion.group(2).startsWith("bpmn") ? "A task reports an error or escalation"
                    : "A task is completed";
            Task worked = tasks.createTaskQuery().taskId(completion.group(1)).initializeFormKeys().singleResult();
            if (worked == null) {
                return Optional.empty();
            }
            // Tasklist lets a person type any variable into a task without a form: only the form says which.
            Optional<Form> form = worked.getFormKey() == null && worked.getCamundaFormRef() == null ? Optional.empty()
                    : form(() -> forms.getDeployedTaskForm(worked.getId()));
            if (form.isEmpty()) {
                return hasVariables(submitted)
                        ? Optional.of(what + " without variables: it has no Camunda Form, deployed with it, that would"
                                + " say which it takes")
                        : Optional.empty();
            }
            return notInForm(form.get(), submitted, what);
        }
        Matcher starting = start.matcher(path);
        if (!starting.matches()) {
            return Optional.empty();
        }
        if (starting.group(4).startsWith("restart")) {
            return Optional.of("An ended case is not restarted part-way: report a new incident or open a new case from"
                    + " its start form. A process owner can move a running case in Cockpit.");
        }
        List<String> partWay = PART_WAY.stream().filter(field -> asked(submitted.get(field))).toList();
        if (!partWay.isEmpty()) {
            return Optional.of("A case is started at its start event, with its start form: " + String.join(", ", partWay)
                    + " would begin it part-way, past its checks. A process owner can move a running case in Cockpit.");
        }
        String definitionId = starting.group(3) != null ? starting.group(3) : latest(starting.group(1), starting.group(2));
        if (definitionId == null) {
            return Optional.empty();
        }
        Optional<Form> form = form(() -> forms.getDeployedStartForm(definitionId));
        if (form.isEmpty() && hasVariables(submitted)) {
            return Optional.of("This process has no start form, so it is not started with variables: aiact-ops starts it"
                    + " itself, with what it needs");
        }
        return form.flatMap(f -> notInForm(f, submitted, "A case is started"));
    }

    /** A part-way option given: {@code true}, or instructions; {@code false}, {@code null} or {@code []} are not. */
    private static boolean asked(JsonNode option) {
        return option != null && !option.isNull() && !(option.isBoolean() && !option.asBoolean())
                && !(option.isContainerNode() && option.isEmpty());
    }

    private String latest(String key, String tenantId) {
        ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        ProcessDefinition definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId))
                .singleResult();
        return definition == null ? null : definition.getId();
    }

    private static boolean hasVariables(JsonNode submitted) {
        JsonNode variables = submitted.get("variables");
        return variables != null && variables.isObject() && !variables.isEmpty();
    }

    /** The deployed Camunda Form, or empty where there is none or it cannot be read as one. */
    private Optional<Form> form(Supplier<InputStream> source) {
        try (InputStream stream = source.get()) {
            JsonNode form = json.readTree(stream);
            return form != null && form.has("components") ? Optional.of(Form.of(form)) : Optional.empty();
        } catch (ProcessEngineException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> notInForm(Form form, JsonNode submitted, String what) {
        JsonNode variables = submitted.get("variables");
        if (variables == null || !variables.isObject()) {
            return Optional.empty();
        }
        Set<String> readOnly = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (form.readOnly().contains(name) && !form.editable().contains(name)) {
                readOnly.add(name);
            } else if (!form.editable().contains(name)) {
                unknown.add(name);
            }
        });
        if (readOnly.isEmpty() && unknown.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (!unknown.isEmpty()) {
            reasons.add(quoted(unknown) + (unknown.size() == 1 ? " is not a field" : " are not fields") + " of it");
        }
        if (!readOnly.isEmpty()) {
            reasons.add(quoted(readOnly) + (readOnly.size() == 1 ? " is" : " are") + " shown read-only");
        }
        return Optional.of(what + " with the fields of its form '" + form.id() + "' only: " + String.join("; ", reasons));
    }

    private static String quoted(Set<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
    }

    /** The variables a form sets (its editable fields) and those it only shows. */
    record Form(String id, Set<String> editable, Set<String> readOnly) {

        static Form of(JsonNode form) {
            Set<String> editable = new HashSet<>();
            Set<String> readOnly = new HashSet<>();
            collect(form.path("components"), null, editable, readOnly);
            return new Form(form.path("id").asText("?"), editable, readOnly);
        }

        /** A field inside a group with a path is submitted under the group's first path segment. */
        private static void collect(JsonNode components, String under, Set<String> editable, Set<String> readOnly) {
            for (JsonNode component : components) {
                String key = component.path("key").asText("");
                if (!key.isEmpty()) {
                    (component.path("disabled").asBoolean(false) ? readOnly : editable)
                            .add(under != null ? under : firstSegment(key));
                }
                String path = component.path("path").asText("");
                collect(component.path("components"), under != null || path.isEmpty() ? under : firstSegment(path),
                        editable, readOnly);
            }
        }

        private static String firstSegment(String dotted) {
            int dot = dotted.indexOf('.');
            return dot < 0 ? dotted : dotted.substring(0, dot);
        }
    }

    /** The request with its body, already read here, readable again by the engine. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is here already: the listener hears at once that it is readable and read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    Charset.forName(getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding())));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
