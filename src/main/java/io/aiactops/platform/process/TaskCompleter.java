package io.aiactops.platform.process;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who completes a task: the user logged in to Tasklist or the REST API, else its assignee. */
public final class TaskCompleter {

    private TaskCompleter() {
    }

    public static String of(DelegateTask task) {
        return EngineLogin.userId(task).orElse(task.getAssignee());
    }

    /**
     * The person completing the task; refuses the completion when nobody is named (no login, no
     * claim), since what is decided is recorded under a person's name.
     */
    public static String required(DelegateTask task, String what) {
        String completer = of(task);
        if (completer == null) {
            throw new TaskRefusal(what + " must be done by a named person: claim the task first");
        }
        return completer;
    }
}
