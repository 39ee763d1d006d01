package io.aiactops.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A real OpenID Connect provider for the single sign-on tests: Spring Authorization Server on its own
 * port, with its login page, signed tokens and published keys, like an organisation's Keycloak or
 * Entra ID. Its people and machine clients carry provider group names, which the app maps to ours.
 */
public final class TestOidcProvider implements AutoCloseable {

    /** Our client at the provider (people log in through it). */
    public static final String CLIENT_ID = "aiact-ops";
    public static final String CLIENT_SECRET = "aiact-ops-client-secret";
    /** A machine client in the provider group mapped to monitoring-ingest. */
    public static final String INGEST_CLIENT = "metrics-exporter";
    /** A machine client of the same provider whose tokens are meant for another application. */
    public static final String FOREIGN_CLIENT = "other-application";
    public static final String PASSWORD = "provider-password";
    public static final String OVERSEER = "olivia";
    public static final String AUDITOR = "arthur";
    public static final String INCIDENT_MANAGER = "ines";
    public static final String PROCESS_OWNER = "paul";
    public static final String ADMIN = "ada";
    /** A person whose only provider group maps to none of ours. */
    public static final String NEWCOMER = "nina";

    /** Provider group → our group, as an operator configures it. "all-staff" is deliberately not mapped. */
    public static final Map<String, String> GROUP_MAPPING = Map.of(
            "oversight-team", "ai-overseers",
            "internal-audit", "auditors",
            "incident-desk", "incident-managers",
            "process-office", "process-owners",
            "platform-admins", "camunda-admin",
            "metrics-machines", "monitoring-ingest");

    /** Our client's callback; a loopback address, which the provider accepts on whichever port the app got. */
    private static final String REDIRECT_URI = "http://127.0.0.1/login/oauth2/code/oidc";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static final Map<String, List<String>> CLIENT_GROUPS = Map.of(
            INGEST_CLIENT, List.of("metrics-machines", "all-staff"),
            FOREIGN_CLIENT, List.of("metrics-machines"));

    private final ConfigurableApplicationContext context;
    private final int port;
    private final RSAKey key;

    private TestOidcProvider(ConfigurableApplicationContext context, int port, RSAKey key) {
        this.context = context;
        this.port = port;
        this.key = key;
    }

    public static TestOidcProvider start() {
        int port = freePort();
        RSAKey key = rsaKey(UUID.randomUUID().toString());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("providerKey", key))
                // Its own configuration name: the app's application.yml is on the same classpath.
                .properties("spring.config.name=test-oidc-provider", "server.port=" + port,
                        "spring.main.banner-mode=off", "spring.jmx.enabled=false",
                        "aiact.test.issuer=" + issuerAt(port))
                .run();
        return new TestOidcProvider(context, port, key);
    }

    /** The issuer as the app knows it; "localhost", so that its cookies are not the app's (on 127.0.0.1). */
    public String issuer() {
        return issuerAt(port);
    }

    /** The app's command-line settings for single sign-on with this provider. */
    public List<String> appArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--aiact.security.oidc.issuer-uri=" + issuer(),
                "--aiact.security.oidc.client-id=" + CLIENT_ID,
                "--aiact.security.oidc.client-secret=" + CLIENT_SECRET));
        GROUP_MAPPING.forEach((providerGroup, group) -> arguments.add(
                "--aiact.security.oidc.groups." + providerGroup + "=" + group));
        return arguments;
    }

    /** An access token of a machine client (client-credentials flow), fetched from the token endpoint. */
    public String clientCredentialsToken(String clientId) {
        return token(HttpClient.newHttpClient(), clientId, clientId + "-secret", "grant_type=client_credentials&scope=api");
    }

    /**
     * A person's access token for aiact-ops, got as the app's web login gets its tokens: authorization code
     * with PKCE, the person typing their password into the provider's login form.
     */
    public String personToken(String user) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        URI authorize = URI.create(issuer() + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&scope=openid&state=test&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge="
                + s256(verifier) + "&code_challenge_method=S256");
        URI login = redirect(send(browser, HttpRequest.newBuilder(authorize)), authorize);
        Matcher csrf = CSRF_FIELD.matcher(send(browser, HttpRequest.newBuilder(login)).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF field on the provider's login page " + login);
        }
        URI resumed = redirect(send(browser, HttpRequest.newBuilder(login)
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(PASSWORD)
                        + "&_csrf=" + encode(csrf.group(1))))), login);
        URI callback = redirect(send(browser, HttpRequest.newBuilder(resumed)), resumed);
        String code = UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
        if (code == null) {
            throw new AssertionError("The provider did not hand out a code for " + user + ": " + callback);
        }
        return token(browser, CLIENT_ID, CLIENT_SECRET, "grant_type=authorization_code&code=" + encode(code)
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + verifier);
    }

    /**
     * Lets our client send people back to {@code postLogoutRedirectUri} after logging out. The provider
     * compares it exactly, and the app's port is known only once the app runs, after the provider.
     */
    public void allowLogoutTo(String postLogoutRedirectUri) {
        RegisteredClientRepository clients = context.getBean(RegisteredClientRepository.class);
        clients.save(RegisteredClient.from(clients.findByClientId(CLIENT_ID)).postLogoutRedirectUri(postLogoutRedirectUri)
                .build());
    }

    /** A token of the ingest client as the provider would sign it, but expired an hour ago. */
    public String expiredToken() {
        return sign(key, claims(issuer()).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).build());
    }

    /** A valid-looking token signed with the provider's key but naming another issuer. */
    public String tokenOfAnotherIssuer() {
        return sign(key, claims("http://localhost:1/elsewhere").build());
    }

    /** A token with the provider's key id, signed with a key the provider never had. */
    public String tokenWithBadSignature() {
        return sign(rsaKey(key.getKeyID()), claims(issuer()).build());
    }

    @Override
    public void close() {
        context.close();
    }

    private String token(HttpClient http, String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new AssertionError("Token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where a 302 of the provider leads; the client follows none by itself, the code must not reach 127.0.0.1:80. */
    private static URI redirect(HttpResponse<String> response, URI from) {
        if (response.statusCode() != 302) {
            throw new AssertionError("Expected a redirect from " + from + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return from.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JwtClaimsSet.Builder claims(String issuer) {
        return JwtClaimsSet.builder().issuer(issuer).subject(INGEST_CLIENT).audience(List.of(CLIENT_ID))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
                .claim("groups", CLIENT_GROUPS.get(INGEST_CLIENT));
    }

    private static String sign(RSAKey signingKey, JwtClaimsSet claims) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static String issuerAt(int port) {
        return "http://localhost:" + port;
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The provider's beans. Deliberately no {@code @Configuration}: the app's component scan, which
     * runs over the test classes too, must never find it. Only the auto-configuration a bare web
     * server with Spring Security needs, not the app's engine, database or mail.
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, s -> s.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
            return http.build();
        }

        /** The provider's own login page, where people type their password. */
        @Bean
        @Order(2)
        SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(rules -> rules.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername(OVERSEER).password("{noop}" + PASSWORD).authorities("oversight-team", "all-staff").build(),
                    User.withUsername(AUDITOR).password("{noop}" + PASSWORD).authorities("internal-audit").build(),
                    User.withUsername(INCIDENT_MANAGER).password("{noop}" + PASSWORD).authorities("incident-desk").build(),
                    User.withUsername(PROCESS_OWNER).password("{noop}" + PASSWORD).authorities("process-office").build(),
                    User.withUsername(ADMIN).password("{noop}" + PASSWORD).authorities("platform-admins").build(),
                    User.withUsername(NEWCOMER).password("{noop}" + PASSWORD).authorities("all-staff").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            RegisteredClient webLogin = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI)
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                            .build())
                    .build();
            return new InMemoryRegisteredClientRepository(webLogin, machine(INGEST_CLIENT), machine(FOREIGN_CLIENT));
        }

        @Bean
        JWKSource<SecurityContext> keys(RSAKey providerKey) {
            return new ImmutableJWKSet<>(new JWKSet(providerKey));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getProperty("aiact.test.issuer")).build();
        }

        /**
         * Groups in ID and access tokens, as Keycloak's group mapper or Entra ID's groups claim put them;
         * access tokens of our machine clients are meant for aiact-ops, those of the foreign one are not.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groups() {
            return context -> {
                String clientId = context.getRegisteredClient().getClientId();
                List<String> groups = context.getPrincipal() instanceof UsernamePasswordAuthenticationToken person
                        ? person.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()
                        : CLIENT_GROUPS.getOrDefault(clientId, List.of());
                context.getClaims().claim("groups", groups);
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && INGEST_CLIENT.equals(clientId)) {
                    context.getClaims().audience(List.of(CLIENT_ID));
                }
            };
        }

        private static RegisteredClient machine(String clientId) {
            return RegisteredClient.withId(clientId).clientId(clientId).clientSecret("{noop}" + clientId + "-secret")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("api")
                    .build();
        }
    }
}
