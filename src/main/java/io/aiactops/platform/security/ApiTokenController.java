package io.aiactops.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.aiactops.platform.web.InvalidFieldException;
import io.aiactops.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Every user manages their own tokens; administrators manage anyone's. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for machine clients")
class ApiTokenController {

    private final ApiTokens tokens;
    private final IdentityService identityService;

    ApiTokenController(ApiTokens tokens, IdentityService identityService) {
        this.tokens = tokens;
        this.identityService = identityService;
    }

    @Schema(example = """
            {"name": "scoring-platform"}""")
    record TokenRequest(@NotBlank @Size(max = 200) String name, @Size(max = 128) String userId) {
    }

    @PostMapping
    @Operation(operationId = "issueApiToken", summary = "Issue an API token (its secret is shown only in this answer)")
    @ApiResponse(responseCode = "201", description = "Issued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ApiTokens.ApiToken.class)))
    ResponseEntity<ApiTokens.ApiToken> issue(@Valid @RequestBody TokenRequest request, Authentication caller) {
        String owner = request.userId() == null ? caller.getName() : request.userId();
        requireSelfOrAdmin(owner, caller);
        if (identityService.createUserQuery().userId(owner).count() == 0) {
            throw new InvalidFieldException("userId", "no such user: " + owner);
        }
        var token = tokens.issue(owner, request.name(), caller.getName());
        return ResponseEntity.created(URI.create("/api/tokens/" + token.id())).body(token);
    }

    @GetMapping
    @Operation(operationId = "listApiTokens", summary = "List your API tokens (administrators: everyone's)")
    List<ApiTokens.ApiToken> list(Authentication caller) {
        return tokens.list(isAdmin(caller) ? Optional.empty() : Optional.of(caller.getName()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token: at once on this node, within aiact.security.credential-cache-ttl on the others")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id, Authentication caller) {
        var token = tokens.find(id).orElseThrow(() -> new NotFoundException("API token", id));
        requireSelfOrAdmin(token.userId(), caller);
        tokens.revoke(id, caller.getName());
    }

    private static void requireSelfOrAdmin(String owner, Authentication caller) {
        if (!owner.equals(caller.getName()) && !isAdmin(caller)) {
            throw new AccessDeniedException("Only administrators manage other users' tokens");
        }
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Roles.ADMINS));
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            access.authenticated(HttpMethod.GET, "/api/tokens")
                    .authenticated(HttpMethod.POST, "/api/tokens")
                    .authenticated(HttpMethod.DELETE, "/api/tokens/*");
        }
    }
}
