package io.aiactops.oversight;

import static io.aiactops.oversight.SystemStopVariables.AI_SYSTEM_ID;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_AT;
import static io.aiactops.oversight.SystemStopVariables.STOPPED_BY;
import static io.aiactops.oversight.SystemStopVariables.STOP_REASON;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the stop order to the serving layer's webhook (async, retried). */
@Component("callStopWebhookDelegate")
public class CallStopWebhookDelegate implements JavaDelegate {

    private final StopWebhook webhook;

    public CallStopWebhookDelegate(StopWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("aiSystemId", AI_SYSTEM_ID.required(execution));
        order.put("operational", false);
        order.put("status", "SUSPENDED");
        order.put("reason", STOP_REASON.required(execution));
        order.put("since", STOPPED_AT.from(execution));
        order.put("by", STOPPED_BY.required(execution));
        webhook.call(AI_SYSTEM_ID.required(execution), order);
    }
}
