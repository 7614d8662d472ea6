package org.pallas.server.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Four filter chains: the JSON API (bearer tokens, stateless, no CSRF because browsers never send
 * bearer tokens by themselves), actuator, the OpenAPI document and UI, and the web UI (form login or
 * OIDC, sessions in PostgreSQL, CSRF, strict headers).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script anywhere; nothing may frame Pallas. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline style attributes; still no inline script. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final AuthenticationDetailsSource<HttpServletRequest, Object> NO_DETAILS = request -> null;

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokens tokens, Problems problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/tokens")
                        .permitAll()
                        // The public ledger; full records need a signed-in caller (the service checks roles).
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/records/**", "/api/v1/ledger/integrity")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/ledger/**")
                        .permitAll()
                        // Misuse reports: intake and follow-up need no account (the receipt is the key), and the
                        // counts are public; triage needs a signed-in caller (the service checks roles).
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/misuse-reports",
                                "/api/v1/misuse-reports/follow-up",
                                "/api/v1/misuse-reports/follow-up/messages")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/misuse-reports/statistics")
                        .permitAll()
                        // Administration; the services check again.
                        .requestMatchers(HttpMethod.POST, "/api/v1/organisations", "/api/v1/users")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/organisations/*", "/api/v1/users/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated());
        return stateless(http, tokens, problems, CSP).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, BearerTokens tokens, Problems problems) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .anyRequest()
                                .hasRole(Role.ADMIN.name()));
        return stateless(http, tokens, problems, CSP).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDocs(HttpSecurity http, BearerTokens tokens, Problems problems) throws Exception {
        http.securityMatcher(
                        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return stateless(http, tokens, problems, DOCS_CSP).build();
    }

    private static HttpSecurity stateless(HttpSecurity http, BearerTokens tokens, Problems problems, String csp)
            throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> problems.write(
                                req,
                                res,
                                HttpStatus.UNAUTHORIZED,
                                "Authentication is required: send Authorization: Bearer <token>."))
                        .accessDeniedHandler((req, res, ex) -> problems.write(
                                req, res, HttpStatus.FORBIDDEN, "Your roles do not allow this request.")))
                .headers(h -> headers(h, csp));
    }

    @Bean
    @Order(4)
    SecurityFilterChain web(
            HttpSecurity http,
            ObjectProvider<AuthenticationProvider> providers,
            Environment env,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers)
            throws Exception {
        // One manager without a parent, so that a failed sign-in is counted once, not again by a global manager.
        http.authenticationManager(new ProviderManager(providers.orderedStream().toList()));
        http.authorizeHttpRequests(
                        a -> a.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/ledger/**", "/transparency/**")
                                .permitAll()
                                // The misuse-report form and the follow-up with a receipt: no account needed.
                                .requestMatchers("/report", "/report/follow-up", "/report/follow-up/messages")
                                .permitAll()
                                .requestMatchers(HttpMethod.HEAD, "/ledger/**", "/transparency/**")
                                .permitAll()
                                .requestMatchers("/admin/**")
                                .hasRole(Role.ADMIN.name())
                                .anyRequest()
                                .authenticated())
                // No WebAuthenticationDetails: they hold the client's address, which would then be stored with the
                // session (the signed-in caller, or a failed sign-in's exception): issue 13, no raw addresses kept.
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(NO_DETAILS)
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .headers(h -> headers(h, CSP));
        if (env.getProperty("pallas.auth.oidc.enabled", Boolean.class, false)) {
            http.oauth2Login(o -> {
                o.loginPage("/login").authenticationDetailsSource(NO_DETAILS);
                oidcUsers.ifAvailable(service -> o.userInfoEndpoint(u -> u.oidcUserService(service)));
            });
        }
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h, String csp) {
        h.contentSecurityPolicy(c -> c.policyDirectives(csp))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
    }
}
