package io.aiactops.maintenance;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in an Art. 20 information mail: operators are outside our identity service, so the
 * unguessable token is the credential. GET only shows a button (mail scanners follow links); the
 * POST records the acknowledgement and, once every deployer has acknowledged a recall, ends its wait.
 */
@RestController
class AcknowledgementController {

    private final CorrectiveActions actions;
    private final RuntimeService runtimeService;

    AcknowledgementController(CorrectiveActions actions, RuntimeService runtimeService) {
        this.actions = actions;
        this.runtimeService = runtimeService;
    }

    @GetMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String confirm(@PathVariable String token) {
        return page("Acknowledge receipt", "<p>Please confirm that you received the information on this corrective action."
                + "</p><form method=\"post\"><button type=\"submit\">I acknowledge receipt</button></form>");
    }

    @PostMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String acknowledge(@PathVariable String token) {
        CorrectiveActions.Acknowledged acknowledged = actions.acknowledge(token);
        if (acknowledged.allDeployersAcknowledged() && acknowledged.processInstanceId() != null) {
            runtimeService.createMessageCorrelation(CorrectiveActionProcess.MESSAGE_RECALL_ACKNOWLEDGED)
                    .processInstanceId(acknowledged.processInstanceId()).correlateAll();
        }
        return page("Thank you", "<p>Your acknowledgement of corrective action "
                + HtmlUtils.htmlEscape(acknowledged.actionId()) + " on AI system "
                + HtmlUtils.htmlEscape(acknowledged.aiSystemId()) + " is recorded.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>aiact-ops — " + title
                + "</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>" + title
                + "</h1>" + body + "</body></html>";
    }
}
