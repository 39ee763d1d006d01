package io.aiactops.deployment;

import static io.aiactops.deployment.ModelDeploymentVariables.AI_SYSTEM_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.HOLD_RECHECK_INTERVAL;
import static io.aiactops.deployment.ModelDeploymentVariables.MODEL_VERSION;
import static io.aiactops.deployment.ModelDeploymentVariables.RELEASE_ID;
import static io.aiactops.deployment.ModelDeploymentVariables.REQUESTED_BY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aiactops.registry.Registry;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only place {@code model-deployment} is started. The release is opened and the process started in
 * one transaction: a request either has its gate or left nothing behind.
 */
@Component
public class ModelDeploymentStarter {

    private final RuntimeService runtimeService;
    private final ModelReleases releases;
    private final Registry registry;
    private final DeploymentProperties properties;

    ModelDeploymentStarter(RuntimeService runtimeService, ModelReleases releases, Registry registry,
            DeploymentProperties properties) {
        this.runtimeService = runtimeService;
        this.releases = releases;
        this.registry = registry;
        this.properties = properties;
    }

    /** Registers a candidate, opens its release and starts its gate, all or nothing; returns the release id. */
    @Transactional
    public long registerAndStart(String systemId, String version, String artifactUri, String sha256,
            Boolean trainingDataChanged, Boolean intendedPurposeChanged, List<Evidence> evidence, String requestedBy) {
        registry.registerCandidate(systemId, version, artifactUri, sha256, requestedBy);
        return start(systemId, version, ReleaseTrigger.API, trainingDataChanged, intendedPurposeChanged, evidence,
                requestedBy);
    }

    /** Opens the release of a registered candidate and starts its gate; returns the release id. */
    @Transactional
    public long start(String systemId, String version, ReleaseTrigger trigger, Boolean trainingDataChanged,
            Boolean intendedPurposeChanged, List<Evidence> evidence, String requestedBy) {
        long releaseId = releases.open(systemId, version, trigger, trainingDataChanged, intendedPurposeChanged, evidence,
                requestedBy);
        Map<String, Object> variables = new HashMap<>();
        AI_SYSTEM_ID.put(variables, systemId);
        MODEL_VERSION.put(variables, version);
        RELEASE_ID.put(variables, releaseId);
        REQUESTED_BY.put(variables, requestedBy);
        HOLD_RECHECK_INTERVAL.put(variables, properties.holdRecheckInterval().toString());
        String processInstanceId = runtimeService.createProcessInstanceByKey(ModelDeploymentProcess.KEY)
                .businessKey(ModelDeploymentProcess.businessKey(systemId, version)).setVariables(variables).execute().getId();
        releases.attachProcess(releaseId, processInstanceId);
        return releaseId;
    }
}
