package io.aiactops.platform.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener's refusal to complete a task: what the form holds, or who completes it, is not
 * acceptable. Tasklist shows the message and keeps the task open; /engine-rest answers 400 with it
 * ({@link EngineRestRefusals}), not the 500 of an engine failure.
 */
public class TaskRefusal extends ProcessEngineException {

    public TaskRefusal(String message) {
        super(message);
    }
}
