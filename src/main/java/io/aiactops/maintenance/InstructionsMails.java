package io.aiactops.maintenance;

import java.util.List;

import io.aiactops.notification.Mailer;
import io.aiactops.notification.TrackedRecipients;
import org.springframework.stereotype.Component;

/** The mails of a new version of instructions for use: to each deployer, and the reminder, each with its acknowledgement link. */
@Component
class InstructionsMails {

    private final Mailer mailer;

    InstructionsMails(Mailer mailer) {
        this.mailer = mailer;
    }

    String send(InstructionsForUse instructions, TrackedRecipients.Tracked deployer, String token) {
        return mailer.send(List.of(deployer.email()),
                "Instructions for use of AI system %s, version %d".formatted(instructions.aiSystemId(), instructions.version()),
                """
                Dear %s,

                As provider of the high-risk AI system %s, we send you version %d of its instructions for use
                (Art. 13 of Regulation (EU) 2024/1689). Please read the changes and use the system accordingly.

                What changed: %s

                Levels of accuracy:            %s
                Robustness and cybersecurity:  %s
                Known circumstances of risk:   %s
                Predetermined changes:         %s
                Human oversight measures:      %s
                Maintenance and its frequency: %s
                Logging mechanisms:            %s

                Please acknowledge that you received this version: %s
                """.formatted(deployer.name(), instructions.aiSystemId(), instructions.version(), instructions.changeLog(),
                        instructions.accuracy(), instructions.robustness(), instructions.knownRisks(),
                        instructions.predeterminedChanges(), instructions.oversightMeasures(),
                        instructions.maintenanceMeasures(), instructions.logMechanisms(),
                        mailer.link("/acknowledgements/" + token)));
    }

    String remind(InstructionsForUse instructions, TrackedRecipients.Tracked deployer, String token) {
        return mailer.send(List.of(deployer.email()),
                "Reminder: acknowledge the instructions for use of AI system %s, version %d".formatted(instructions.aiSystemId(),
                        instructions.version()),
                """
                Dear %s,

                We have not yet received your acknowledgement of version %d of the instructions for use of AI system %s,
                sent on %s. Please acknowledge it here: %s
                """.formatted(deployer.name(), instructions.version(), instructions.aiSystemId(), deployer.sentAt(),
                        mailer.link("/acknowledgements/" + token)));
    }
}
