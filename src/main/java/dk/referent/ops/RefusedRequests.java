package dk.referent.ops;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * referent_refused_requests_total{reason}: every API request answered with a 4xx, by reason (invalid input,
 * unauthenticated, forbidden, not found, conflict, too large, …). Sits outside security so 401s count too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefusedRequests extends OncePerRequestFilter {

    private final ObjectProvider<MeterRegistry> registry;

    /** The registry is looked up when needed, so that web slices without metrics still start. */
    RefusedRequests(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            MeterRegistry meters = registry.getIfAvailable();
            if (status >= 400 && status < 500 && meters != null) {
                Counter.builder("referent.refused.requests").description("API requests refused, by reason")
                        .tag("reason", reason(status)).register(meters).increment();
            }
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "invalid_input";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "idempotency_key_reused";
            case 429 -> "rate_limited";
            default -> "other_" + status;
        };
    }
}
