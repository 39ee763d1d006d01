package io.aiactops.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine every process test runs on ({@code process-tests.camunda.cfg.xml}). */
public final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    /** Use as {@code @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();}. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();
    }
}
