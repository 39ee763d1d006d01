package io.aiactops.documentation;

import io.aiactops.deployment.ModelReleases;
import io.aiactops.maintenance.PostMarketReportSignedOff;
import io.aiactops.registry.ModelVersionActivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes a snapshot of the technical documentation when it changes for good: a model version is
 * activated (which also completes the regeneration the deployment gate asked for), or a post-market
 * review is signed off. In the same transaction, so a snapshot exists exactly when the change does.
 */
@Component
class DocumentationSnapshots {

    private final TechnicalDocumentation documentation;
    private final ModelReleases releases;

    DocumentationSnapshots(TechnicalDocumentation documentation, ModelReleases releases) {
        this.documentation = documentation;
        this.releases = releases;
    }

    @EventListener
    void on(ModelVersionActivated activated) {
        String systemId = activated.version().systemId();
        documentation.snapshot(systemId, "model version " + activated.version().version() + " activated by " + activated.approver());
        releases.regenerated(systemId);
    }

    @EventListener
    void on(PostMarketReportSignedOff signedOff) {
        documentation.snapshot(signedOff.report().aiSystemId(), "post-market report " + signedOff.report().id() + " signed off by "
                + signedOff.report().signOff().name());
    }
}
