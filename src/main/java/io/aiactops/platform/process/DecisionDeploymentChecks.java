package io.aiactops.platform.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * The one adapter between the engine's internals and the {@link DecisionDeploymentCheck}s of the
 * capabilities: a DMN transform listener for {@code check}, and a post-deployer, which runs after the
 * engine's own deployers, for {@code checkNew}.
 */
@Component
class DecisionDeploymentChecks extends AbstractProcessEnginePlugin implements Deployer {

    private final List<DecisionDeploymentCheck> checks;

    DecisionDeploymentChecks(List<DecisionDeploymentCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> postDeployers = new ArrayList<>();
        if (configuration.getCustomPostDeployers() != null) {
            postDeployers.addAll(configuration.getCustomPostDeployers());
        }
        postDeployers.add(this);
        configuration.setCustomPostDeployers(postDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(new Listener());
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        // Not new: the engine is re-reading an existing deployment into its cache (e.g. after a restart).
        // Null: nothing of it is a decision (a BPMN or a form deployed alone).
        if (!deployment.isNew() || deployment.getDeployedDecisionDefinitions() == null) {
            return;
        }
        deployment.getDeployedDecisionDefinitions().stream().filter(d -> d.getTenantId() == null)
                .map(d -> new DecisionDeploymentCheck.DeployedDecision(d.getKey(), deployment.getId(),
                        deployment.getResource(d.getResourceName()).getBytes()))
                .forEach(decision -> checks.forEach(check -> check.checkNew(decision)));
    }

    /** Only whole decisions are checked; the other callbacks have nothing to add. */
    private final class Listener implements DmnTransformListener {

        @Override
        public void transformDecision(Decision decision, DmnDecision dmnDecision) {
            checks.forEach(check -> check.check(decision));
        }

        @Override
        public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
        }

        @Override
        public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
        }

        @Override
        public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
        }

        @Override
        public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
        }
    }
}
