package io.aiactops.documentation;

import io.aiactops.deployment.ModelReleases;
import io.aiactops.maintenance.PostMarketReportSignedOff;
import io.aiactops.registry.ModelVersionActivated;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Takes a snapshot of the technical documentation when it changes for good: a model version is
 * activated (which also completes the regeneration the deployment gate asked for), or a post-market
 * review is signed off. Just before that transaction commits, so the snapshot holds everything it
 * changed (the deployment gate marks the documentation for regeneration after the activation itself),
 * and exists exactly when the change does.
 */
@Component
class DocumentationSnapshots {

    private final TechnicalDocumentation documentation;
    private final ModelReleases releases;

    DocumentationSnapshots(TechnicalDocumentation documentation, ModelReleases releases) {
        this.documentation = documentation;
        this.releases = releases;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ModelVersionActivated activated) {
        String systemId = activated.version().systemId();
        documentation.snapshot(systemId, "model version " + activated.version().version() + " activated by " + activated.approver());
        releases.regenerated(systemId);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(PostMarketReportSignedOff signedOff) {
        documentation.snapshot(signedOff.report().aiSystemId(), "post-market report " + signedOff.report().id() + " signed off by "
                + signedOff.report().signOff().name());
    }
}
