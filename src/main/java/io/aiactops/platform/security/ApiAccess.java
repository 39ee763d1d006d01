package io.aiactops.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;

/** The allow-list of the /api surface: method, Ant path pattern and the groups allowed. */
public final class ApiAccess {

    /** One allowed operation; no roles means any authenticated user. Administrators are always allowed. */
    public record Rule(HttpMethod method, String pattern, List<String> roles) {
        public boolean anyAuthenticatedUser() {
            return roles.isEmpty();
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public ApiAccess allow(HttpMethod method, String pattern, String... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException("Name the roles, or use authenticated(): " + pattern);
        }
        rules.add(new Rule(method, pattern, List.of(Roles.anyOf(roles))));
        return this;
    }

    public ApiAccess authenticated(HttpMethod method, String... patterns) {
        Arrays.stream(patterns).forEach(p -> rules.add(new Rule(method, p, List.of())));
        return this;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
