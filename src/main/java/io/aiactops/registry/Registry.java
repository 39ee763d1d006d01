package io.aiactops.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.JsonPaths;
import io.aiactops.platform.web.JsonReadErrors;
import io.aiactops.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers AI systems and keeps their registration and model versions. */
@Service
public class Registry {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AiSystemRepository systems;
    private final ModelVersionRepository versions;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(AiSystemRepository systems, ModelVersionRepository versions, Validator validator,
            ObjectMapper objectMapper, ApplicationEventPublisher events, Clock clock) {
        this.systems = systems;
        this.versions = versions;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AiSystem register(AiSystemDetails details, String actor) {
        validate(details);
        if (details.status() == SystemStatus.WITHDRAWN) {
            throw new InvalidFieldException("status", "a system cannot be registered as WITHDRAWN");
        }
        if (systems.exists(details.id())) {
            throw new ConflictException("AI system '" + details.id() + "' is already registered");
        }
        Instant now = clock.instant();
        SystemStatus status = Objects.requireNonNullElse(details.status(), SystemStatus.ACTIVE);
        AiSystem system = new AiSystem(details.id(), details.name(), details.intendedPurpose(), details.knownLimitations(),
                details.providerName(),
                details.providerContact(), details.annexIIICategory(), details.euDatabaseId(),
                details.memberStates().stream().distinct().sorted().toList(), details.deployers(),
                Boolean.TRUE.equals(details.sectoralRegime()),
                Objects.requireNonNullElse(details.logRetentionDays(), AiSystemDetails.MINIMUM_LOG_RETENTION_DAYS),
                status, null, now, actor, now, actor, now, actor);
        systems.insert(system);
        events.publishEvent(new AiSystemRegistered(system, actor));
        return system;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to a system's registration. {@code id} cannot change and
     * {@code status} only changes through a stop, a resume or a corrective action.
     */
    @Transactional
    public AiSystem change(String id, JsonNode patch, String actor) {
        if (!(patch instanceof ObjectNode fields)) {
            throw new InvalidFieldException("$", "a JSON object of the fields to change is expected");
        }
        AiSystem before = systems.findForUpdate(id).orElseThrow(() -> notFound(id));
        ObjectNode merged = objectMapper.valueToTree(before.details());
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("id") && !field.getValue().asText().equals(id)) {
                throw new InvalidFieldException("id", "the id of a registered system cannot change");
            }
            if (field.getKey().equals("status") && !field.getValue().asText().equals(before.status().name())) {
                throw new InvalidFieldException("status",
                        "status changes through the stop button, a resume or a corrective action, not through PATCH");
            }
            merged.set(field.getKey(), field.getValue());
        }
        AiSystemDetails details = read(merged);
        validate(details);
        if (details.logRetentionDays() == null) {
            throw new InvalidFieldException("logRetentionDays", "must not be null");
        }
        AiSystem after = new AiSystem(id, details.name(), details.intendedPurpose(), details.knownLimitations(),
                details.providerName(),
                details.providerContact(), details.annexIIICategory(), details.euDatabaseId(),
                details.memberStates().stream().distinct().sorted().toList(), details.deployers(),
                Boolean.TRUE.equals(details.sectoralRegime()), details.logRetentionDays(), before.status(),
                before.statusReason(), before.statusChangedAt(), before.statusChangedBy(), before.createdAt(),
                before.createdBy(), clock.instant(), actor);
        Map<String, AiSystemChanged.Change> changes = differences(before.details(), after.details());
        if (changes.isEmpty()) {
            return before;
        }
        systems.update(after);
        events.publishEvent(new AiSystemChanged(after, changes, actor));
        return after;
    }

    /** Stops an ACTIVE system at once (Art. 14(4)(e)); anything else is a conflict naming its state. */
    @Transactional
    public AiSystem suspend(String id, String reason, String actor) {
        return changeStatus(id, SystemStatus.ACTIVE, SystemStatus.SUSPENDED, reason, actor);
    }

    /** Lets a SUSPENDED system operate again. */
    @Transactional
    public AiSystem resume(String id, String reason, String actor) {
        return changeStatus(id, SystemStatus.SUSPENDED, SystemStatus.ACTIVE, reason, actor);
    }

    private AiSystem changeStatus(String id, SystemStatus expected, SystemStatus target, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "a reason is required");
        }
        AiSystem before = systems.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (before.status() != expected) {
            throw new ConflictException("AI system '" + id + "' is " + before.status() + " since "
                    + before.statusChangedAt() + " (by " + before.statusChangedBy() + ": " + before.statusReason()
                    + "), not " + expected);
        }
        AiSystem after = before.withStatus(target, reason, clock.instant(), actor);
        systems.updateStatus(after);
        events.publishEvent(new AiSystemStatusChanged(after, before.status(), reason, actor));
        return after;
    }

    @Transactional(readOnly = true)
    public AiSystem get(String id) {
        return systems.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The system's status without loading its registration: for hot paths such as log ingest. One
     * statement, so no transaction of its own (that would cost two more round trips); in the caller's if any.
     */
    public Optional<SystemStatus> status(String id) {
        return systems.findStatus(id);
    }

    /** How many systems are in a status, e.g. SUSPENDED for the {@code aiact.systems.stopped} gauge. */
    @Transactional(readOnly = true)
    public long count(SystemStatus status) {
        return systems.count(status);
    }

    @Transactional(readOnly = true)
    public List<AiSystem> list() {
        return systems.findAll();
    }

    @Transactional(readOnly = true)
    public List<ModelVersion> modelVersions(String systemId) {
        get(systemId);
        return versions.findBySystem(systemId);
    }

    /**
     * The model versions of a system the caller has found registered (by its status, say), in one
     * statement: for hot paths such as CloudEvents, which resolve the version of every inference.
     */
    public List<ModelVersion> modelVersionsOfRegistered(String systemId) {
        return versions.findBySystem(systemId);
    }

    /**
     * Records the version a system already runs when it is first brought under aiact-ops, in service
     * since {@code runningSince}: the time from which events without a version of their own (KServe's)
     * are attributed to it. Later versions go through the deployment gate.
     */
    @Transactional
    public ModelVersion recordRunningVersion(String systemId, String version, String artifactUri, String sha256,
            Instant runningSince, String actor) {
        get(systemId);
        if (!versions.findBySystem(systemId).isEmpty()) {
            throw new ConflictException("AI system '" + systemId + "' already has model versions; use the deployment gate");
        }
        Instant now = clock.instant();
        if (runningSince.isAfter(now)) {
            throw new IllegalArgumentException("a running version cannot have been in service since " + runningSince);
        }
        ModelVersion running = new ModelVersion(0, systemId, version, artifactUri, sha256, ModelVersionStatus.ACTIVE,
                null, now, actor, runningSince, actor, "running when registered");
        versions.insert(running, null);
        return running;
    }

    /** One version of a system's model; unknown system or version: 404. */
    @Transactional(readOnly = true)
    public ModelVersion modelVersion(String systemId, String version) {
        get(systemId);
        return versions.find(systemId, version).orElseThrow(() -> versionNotFound(systemId, version));
    }

    /**
     * Registers a version the provider wants to put into service, as a CANDIDATE: it runs only once
     * {@link #activateModelVersion} makes it ACTIVE. A version label already used for the system: 409.
     */
    @Transactional
    public ModelVersion registerCandidate(String systemId, String version, String artifactUri, String sha256,
            String actor) {
        InvalidFieldException.requireText("version", version, 64);
        InvalidFieldException.requireText("artifactUri", artifactUri, 2000);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidFieldException("sha256", "must be 64 lowercase hexadecimal characters");
        }
        get(systemId);
        Optional<ModelVersion> existing = versions.find(systemId, version);
        if (existing.isPresent()) {
            throw versionExists(systemId, version, " (" + existing.get().status() + ")");
        }
        Instant now = clock.instant();
        try {
            versions.insert(new ModelVersion(0, systemId, version, artifactUri, sha256, ModelVersionStatus.CANDIDATE,
                    null, now, actor, now, actor, null), null);
        } catch (DuplicateKeyException e) {
            // Registered by a concurrent request since the check above; PostgreSQL allows no further query here.
            throw versionExists(systemId, version, "");
        }
        return versions.find(systemId, version).orElseThrow();
    }

    /**
     * Makes a CANDIDATE the system's ACTIVE version and retires the version it replaces, which becomes
     * its predecessor. Whether the change may happen now (an evidence hold, an approval) is for the
     * caller to decide; a version that is not a candidate: 409.
     */
    @Transactional
    public ModelVersion activateModelVersion(String systemId, String version, String approver, String reason) {
        InvalidFieldException.requireText("approver", approver, 128);
        InvalidFieldException.requireText("reason", reason, 2000);
        versions.lockAll(systemId);
        ModelVersion candidate = modelVersion(systemId, version);
        if (candidate.status() != ModelVersionStatus.CANDIDATE) {
            throw new ConflictException("Model version " + version + " of '" + systemId + "' is " + candidate.status()
                    + "; only a CANDIDATE can be activated");
        }
        Instant now = clock.instant();
        Optional<ModelVersion> previous = versions.findActive(systemId);
        // Retire first: PostgreSQL's partial unique index allows one ACTIVE version per system at every statement.
        previous.ifPresent(p -> versions.retire(p.id(), now, approver, "replaced by " + version));
        versions.activate(candidate.id(), previous.map(ModelVersion::id).orElse(null), now, approver, reason);
        ModelVersion activated = versions.find(systemId, version).orElseThrow();
        events.publishEvent(new ModelVersionActivated(activated, approver));
        return activated;
    }

    /** Takes a system out of use for good (Art. 20 withdrawal): from ACTIVE or SUSPENDED to WITHDRAWN. */
    @Transactional
    public AiSystem withdraw(String id, String reason, String actor) {
        SystemStatus current = status(id).orElseThrow(() -> notFound(id));
        return changeStatus(id, current == SystemStatus.WITHDRAWN ? SystemStatus.ACTIVE : current, SystemStatus.WITHDRAWN,
                reason, actor);
    }

    /**
     * Marks a CANDIDATE as REJECTED with the reason (a no-go, a failing CI run): it can never be
     * activated. A version that is not a candidate: 409.
     */
    @Transactional
    public ModelVersion rejectModelVersion(String systemId, String version, String by, String reason) {
        InvalidFieldException.requireText("reason", reason, 2000);
        versions.lockAll(systemId);
        ModelVersion candidate = modelVersion(systemId, version);
        if (candidate.status() != ModelVersionStatus.CANDIDATE) {
            throw new ConflictException("Model version " + version + " of '" + systemId + "' is " + candidate.status()
                    + "; only a CANDIDATE can be rejected");
        }
        versions.reject(candidate.id(), clock.instant(), by, reason);
        return versions.find(systemId, version).orElseThrow();
    }

    private AiSystemDetails read(ObjectNode merged) {
        try {
            return objectMapper.convertValue(merged, AiSystemDetails.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException m) {
                throw new InvalidFieldException(JsonPaths.of(m), JsonReadErrors.explain(m, merged));
            }
            throw e;
        }
    }

    private void validate(AiSystemDetails details) {
        Set<ConstraintViolation<AiSystemDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private Map<String, AiSystemChanged.Change> differences(AiSystemDetails before, AiSystemDetails after) {
        Map<String, AiSystemChanged.Change> changes = new LinkedHashMap<>();
        ObjectNode old = objectMapper.valueToTree(before);
        ObjectNode now = objectMapper.valueToTree(after);
        now.fieldNames().forEachRemaining(name -> {
            if (!Objects.equals(old.get(name), now.get(name))) {
                changes.put(name, new AiSystemChanged.Change(old.get(name), now.get(name)));
            }
        });
        return changes;
    }

    private static ConflictException versionExists(String systemId, String version, String status) {
        return new ConflictException("Model version " + version + " of '" + systemId + "' is already registered" + status);
    }

    private static NotFoundException versionNotFound(String systemId, String version) {
        return new NotFoundException("Model version of '" + systemId + "'", version);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("AI system", id);
    }
}
