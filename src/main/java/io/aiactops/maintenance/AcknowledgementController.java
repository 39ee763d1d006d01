package io.aiactops.maintenance;

import io.aiactops.notification.TrackedRecipients;
import io.aiactops.platform.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in an information mail (corrective action, instructions for use): operators are outside
 * our identity service, so the unguessable token is the credential. GET only shows a button (mail
 * scanners follow links); the POST records the acknowledgement.
 */
@RestController
class AcknowledgementController {

    private final Acknowledgements acknowledgements;

    AcknowledgementController(Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @GetMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String confirm(@PathVariable String token) {
        return page("Acknowledge receipt", "<p>Please confirm that you received this information.</p>"
                + "<form method=\"post\"><button type=\"submit\">I acknowledge receipt</button></form>");
    }

    @PostMapping(path = "/acknowledgements/{token}", produces = MediaType.TEXT_HTML_VALUE)
    String acknowledge(@PathVariable String token) {
        Acknowledged acknowledged = acknowledgements.byToken(token);
        return page("Thank you", "<p>Your acknowledgement (" + HtmlUtils.htmlEscape(acknowledged.subject()) + ", AI system "
                + HtmlUtils.htmlEscape(acknowledged.aiSystemId()) + ") is recorded.</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>aiact-ops — " + title
                + "</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>" + title
                + "</h1>" + body + "</body></html>";
    }

    /** Routes an acknowledgement to what it acknowledges, and ends the wait of its process once every deployer has. */
    @Component
    static class Acknowledgements {

        private final TrackedRecipients recipients;
        private final CorrectiveActions actions;
        private final Instructions instructions;
        private final org.camunda.bpm.engine.RuntimeService runtimeService;

        Acknowledgements(TrackedRecipients recipients, CorrectiveActions actions, Instructions instructions,
                org.camunda.bpm.engine.RuntimeService runtimeService) {
            this.recipients = recipients;
            this.actions = actions;
            this.instructions = instructions;
            this.runtimeService = runtimeService;
        }

        @Transactional
        Acknowledged byToken(String token) {
            TrackedRecipients.Tracked recipient = recipients.byToken(token)
                    .orElseThrow(() -> new NotFoundException("Acknowledgement link", "(unknown or replaced)"));
            String subject = recipient.subject();
            if (CorrectiveActions.isCase(subject)) {
                return ended(actions.acknowledge(recipient), CorrectiveActionProcess.MESSAGE_RECALL_ACKNOWLEDGED);
            }
            if (Instructions.isInstructions(subject)) {
                return ended(instructions.acknowledge(recipient), InstructionsDistributionProcess.MESSAGE_ACKNOWLEDGED);
            }
            throw new NotFoundException("Acknowledgement link", "(nothing to acknowledge)");
        }

        @Transactional
        Acknowledged byApi(String systemId, int version, String email) {
            return ended(instructions.acknowledge(systemId, version, email), InstructionsDistributionProcess.MESSAGE_ACKNOWLEDGED);
        }

        private Acknowledged ended(Acknowledged acknowledged, String message) {
            if (acknowledged.allDeployersAcknowledged() && acknowledged.processInstanceId() != null) {
                runtimeService.createMessageCorrelation(message).processInstanceId(acknowledged.processInstanceId())
                        .correlateAll();
            }
            return acknowledged;
        }
    }
}
