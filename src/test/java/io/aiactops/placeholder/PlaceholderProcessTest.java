package io.aiactops.placeholder;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.aiactops.support.ProcessTestEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the process-test harness until the first real process replaces the placeholder. */
@Deployment(resources = { "placeholder.bpmn", "placeholder.form" })
class PlaceholderProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessTestEngine.extension();

    @Test
    void aProcessOwnerWritesANote() {
        var instance = runtimeService().startProcessInstanceByKey("placeholder");

        assertThat(instance).isWaitingAt("Task_WriteNote");
        assertThat(task()).hasCandidateGroup("process-owners");
        complete(task(), withVariables("note", "hello"));

        assertThat(instance).isEnded().hasPassed("EndEvent_PlaceholderDone");
    }
}
