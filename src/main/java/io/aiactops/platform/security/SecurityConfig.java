package io.aiactops.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.Filter;

import io.aiactops.platform.web.ProblemWriter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * One identity for every HTTP surface. Our /api, its OpenAPI description and the actuator use Spring
 * Security (HTTP Basic against Camunda's identity service, or an API token); the webapps keep their
 * own login and /engine-rest uses Camunda's authentication filter, both against the same identity
 * service. Under single sign-on ({@link OidcSecurityConfig}) the provider's login and tokens come first,
 * and Spring Security hands the caller to the webapps and /engine-rest.
 */
@Configuration
class SecurityConfig {

    /** The OpenAPI description and Swagger UI: for any logged-in user (Swagger UI sends HTTP Basic). */
    private static final String[] API_DESCRIPTION_PATHS = { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**" };

    private static final String[] API_PATHS = Stream.concat(Stream.of("/api/**", "/actuator/**"),
            Stream.of(API_DESCRIPTION_PATHS)).toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiAccess access,
            ApiTokenAuthenticationFilter tokenFilter, ProblemSecurityHandlers problems, ProblemWriter problemWriter,
            Optional<SingleSignOn> singleSignOn) throws Exception {
        if (singleSignOn.isPresent()) {
            singleSignOn.get().acceptTokens(http);
        }
        http.securityMatcher(API_PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new DatabaseUnavailableFilter(problemWriter), LogoutFilter.class)
                .addFilterBefore(tokenFilter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    rules.requestMatchers("/actuator/**").authenticated();
                    rules.requestMatchers(API_DESCRIPTION_PATHS).authenticated();
                    for (ApiAccess.Rule rule : access.rules()) {
                        var matcher = rules.requestMatchers(rule.method(), rule.pattern());
                        if (rule.signed()) {
                            matcher.permitAll();
                        } else if (rule.anyAuthenticatedUser()) {
                            matcher.authenticated();
                        } else {
                            matcher.hasAnyAuthority(rule.roles().toArray(String[]::new));
                        }
                    }
                    rules.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * Paths in every chain's rules are matched as path patterns, not through Spring MVC's handler
     * mappings (Spring Security's default while Spring MVC is present). The API's allow-list is some 50
     * rules, tried in order for every request: through the handler mappings, a POST of one event spent
     * about a tenth of its request thread there (async-profiler). The rules' patterns mean the same in both.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** The allow-list declared by every capability, in one place (also read by the access matrix docs). */
    @Bean
    ApiAccess apiAccess(List<ApiAccessRules> capabilityRules) {
        ApiAccess access = new ApiAccess();
        capabilityRules.forEach(r -> r.declare(access));
        return access;
    }

    /**
     * The webapps and /engine-rest authenticate with Camunda's own filters (below and in the webapp).
     * Pages served next to the webapps, such as the case board (/cases), read the webapps' login from
     * the session themselves ({@link WebappLogin}); this chain never creates a session for them.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaSurfaces(HttpSecurity http, Optional<SingleSignOn> singleSignOn) throws Exception {
        if (singleSignOn.isPresent()) {
            http.securityMatcher("/**")
                    .csrf(AbstractHttpConfigurer::disable)
                    .headers(AbstractHttpConfigurer::disable);
            singleSignOn.get().logIn(http);
            return http.build();
        }
        http.securityMatcher("/**")
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The token filter is a bean, so Spring Boot would also run it for every request as a servlet filter,
     * outside and before the API's security chain; it belongs in that chain only.
     */
    @Bean
    FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterOutsideTheChain(ApiTokenAuthenticationFilter filter) {
        FilterRegistrationBean<ApiTokenAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * HTTP Basic for /engine-rest (Camunda Modeler deployments, scripts) against the identity service;
     * under single sign-on, the caller Spring Security authenticated (a JWT, or Basic of a local service account).
     */
    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication(OidcProperties oidc) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", oidc.enabled()
                ? SpringSecurityAuthentication.class.getName() : HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        // Before the form submission guard (platform.process.FormSubmissions), which needs the caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }
}
