package io.aiactops.documentation;

import java.util.List;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/systems/{id}/documentation}: the technical documentation (Annex IV) from live data, and its snapshots. */
@RestController
@Tag(name = "Documentation", description = "Technical documentation (Annex IV) generated from live data")
class DocumentationController {

    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final TechnicalDocumentation documentation;

    DocumentationController(TechnicalDocumentation documentation) {
        this.documentation = documentation;
    }

    @GetMapping("/api/systems/{id}/documentation")
    @Operation(operationId = "getDocumentation",
            summary = "Annex IV points 1(a), 1(c), 2(g), 3, 6 and 9 as they are now; format=html (default) or markdown")
    ResponseEntity<String> get(@PathVariable String id, @RequestParam(defaultValue = "html") String format) {
        return switch (format) {
            case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(documentation.html(id));
            case "markdown" -> ResponseEntity.ok().contentType(MARKDOWN).body(documentation.markdown(id));
            default -> throw new InvalidFieldException("format", "must be html or markdown");
        };
    }

    @GetMapping("/api/systems/{id}/documentation/snapshots")
    @Operation(operationId = "listDocumentationSnapshots",
            summary = "Snapshots taken at each version activation and each signed post-market review, newest first")
    List<TechnicalDocumentation.Snapshot> snapshots(@PathVariable String id) {
        return documentation.snapshots(id);
    }

    @GetMapping("/api/systems/{id}/documentation/snapshots/{snapshotId}")
    @Operation(operationId = "getDocumentationSnapshot", summary = "One snapshot, as the Markdown that was hashed")
    ResponseEntity<String> snapshot(@PathVariable String id, @PathVariable long snapshotId) {
        return ResponseEntity.ok().contentType(MARKDOWN).body(documentation.snapshotMarkdown(id, snapshotId));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.allow(HttpMethod.GET, "/api/systems/*/documentation", Roles.PEOPLE)
                    .allow(HttpMethod.GET, "/api/systems/*/documentation/snapshots", Roles.PEOPLE)
                    .allow(HttpMethod.GET, "/api/systems/*/documentation/snapshots/*", Roles.PEOPLE);
        }
    }
}
