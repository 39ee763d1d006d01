package io.aiactops.maintenance;

import static io.aiactops.maintenance.CorrectiveActionVariables.ACTIVATED_AT;
import static io.aiactops.maintenance.CorrectiveActionVariables.AI_SYSTEM_ID;
import static io.aiactops.maintenance.CorrectiveActionVariables.KPI_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Compiles the KPIs before and after the new version's activation from the register, for "Verify effectiveness". */
@Component("compileKpisDelegate")
public class CompileKpisDelegate implements JavaDelegate {

    private final EffectivenessKpis kpis;

    public CompileKpisDelegate(EffectivenessKpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        KPI_SUMMARY.set(execution, EffectivenessKpis.summary(kpis.afterActivation(AI_SYSTEM_ID.required(execution),
                ACTIVATED_AT.required(execution))));
    }
}
