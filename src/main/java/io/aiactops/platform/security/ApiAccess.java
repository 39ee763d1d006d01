package io.aiactops.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;

/** The allow-list of the /api surface: method, Ant path pattern and the groups allowed. */
public final class ApiAccess {

    /**
     * One allowed operation; no roles means any authenticated user. Administrators are always allowed.
     * {@code signed}: no login at all, the controller verifies a signature of the request instead.
     */
    public record Rule(HttpMethod method, String pattern, List<String> roles, boolean signed) {
        public boolean anyAuthenticatedUser() {
            return roles.isEmpty() && !signed;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public ApiAccess allow(HttpMethod method, String pattern, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("Name the roles, or use authenticated(): " + pattern);
        }
        rules.add(new Rule(method, pattern, List.of(Roles.anyOf(roles)), false));
        return this;
    }

    public ApiAccess authenticated(HttpMethod method, String... patterns) {
        Arrays.stream(patterns).forEach(p -> rules.add(new Rule(method, p, List.of(), false)));
        return this;
    }

    /**
     * For webhooks of tools that cannot log in (MLflow): open to the network, and the controller must
     * refuse every request whose signature it cannot verify with 401.
     */
    public ApiAccess signed(HttpMethod method, String pattern) {
        rules.add(new Rule(method, pattern, List.of(), true));
        return this;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
