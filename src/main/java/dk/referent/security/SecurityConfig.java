package dk.referent.security;

import java.io.IOException;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP security: Basic for scripts, a session cookie (form login at /login, or single sign-on through an OpenID
 * Connect provider when one is configured) for the browser. CSRF protection
 * applies to cookie-authenticated writes; a request that carries its own Authorization header cannot be forged
 * by another site, so it is exempt. Health and the API description are public; everything else needs a user,
 * and what a user may do in a committee is checked per request by {@link Access}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * No observations of the security filter chain, authentication or authorization. With the property
     * {@code management.observations.enable.spring.security=false} alone they were no-ops, but the chain was still
     * decorated: every filter of every request wrapped and named (1 % of the app's CPU in the live benchmark).
     * Requests stay timed as http_server_requests.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(Users users, PasswordEncoder encoder, Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(users);
        return new ProviderManager(new VerifiedCredentials(dao, clock));
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, AuthenticationManager authenticationManager,
                                 ObjectProvider<ClientRegistrationRepository> identityProviders, Users users,
                                 @Value("${referent.oidc.username-claim:preferred_username}") String usernameClaim)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/login", "/error")
                        .permitAll()
                        .requestMatchers("/api/**", "/ws/**", "/ws").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemEntryPoint()))
                .formLogin(form -> form.loginProcessingUrl("/login").permitAll()
                        .successHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler((req, res, ex) -> ProblemEntryPoint.write(res, HttpStatus.UNAUTHORIZED,
                                "Unauthorized", "Wrong username or password")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((req, res, auth) -> res.setStatus(HttpStatus.NO_CONTENT.value())))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(req -> req.getHeader("Authorization") != null))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new ProblemEntryPoint())
                        .accessDeniedHandler(SecurityConfig::denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (identityProviders.getIfAvailable() != null) {
            // only with spring.security.oauth2.client.registration.* set (README: "Single sign-on")
            OidcAccounts accounts = new OidcAccounts(users, usernameClaim);
            http.oauth2Login(oidc -> oidc.userInfoEndpoint(info -> info.oidcUserService(accounts)));
        }
        return http.build();
    }

    /**
     * 403, except for a request with no user at all: a write without credentials fails the CSRF check before
     * anyone is authenticated, and "log in first" (401) is the true answer to it.
     */
    private static void denied(HttpServletRequest req, HttpServletResponse res, AccessDeniedException ex)
            throws IOException, ServletException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            new ProblemEntryPoint().commence(req, res, new InsufficientAuthenticationException(ex.getMessage()));
            return;
        }
        ProblemEntryPoint.write(res, HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this");
    }
}
