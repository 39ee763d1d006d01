package io.aiactops.incidents;

import static io.aiactops.incidents.SeriousIncidentVariables.CLASSIFIED_BY;
import static io.aiactops.incidents.SeriousIncidentVariables.INCIDENT_ID;

import io.aiactops.platform.process.TaskCompleter;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete "Classify incident" with a classification that cannot be recorded (the message
 * names the field; Tasklist shows it and keeps the task open) and stamps who classified.
 */
@Component("checkClassificationListener")
public class CheckClassificationListener implements TaskListener {

    private final IncidentCases cases;

    public CheckClassificationListener(IncidentCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        cases.validate(INCIDENT_ID.required(task), SeriousIncidentVariables.classification(task));
        String classifiedBy = TaskCompleter.required(task, "A classification");
        CLASSIFIED_BY.set(task, classifiedBy);
    }
}
