package dk.referent.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dk.referent.minutes.MinutesDocument;
import dk.referent.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on a POST: the first answer (2xx or 4xx) is stored with the key, per user, and a retry
 * with the same key and the same body gets that answer again instead of applying the command twice. The same key
 * with another body is refused (422); a retry while the first is still running is answered 409.
 * Runs after authentication (the key is per user) and reads the body once (it is cached by
 * {@link BodyLimitFilter}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final ObjectProvider<MongoDatabase> db;
    private final ObjectProvider<Clock> clock;
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();

    /** Resolved on first use, so that web slices without a store can still start. */
    IdempotencyFilter(ObjectProvider<MongoDatabase> db, ObjectProvider<Clock> clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            ProblemWriter.write(response, 400, "Invalid input", "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        CachedBodyRequest cached = request instanceof CachedBodyRequest c ? c : new CachedBodyRequest(request);
        String id = MinutesDocument.sha256(CurrentUser.name() + "\n" + request.getRequestURI() + "\n" + key);
        String bodyHash = MinutesDocument.sha256(new String(cached.body(), StandardCharsets.UTF_8));
        MongoCollection<Document> answers = db.getObject().getCollection("idempotency");
        Document previous = answers.find(Filters.eq("_id", id)).first();
        if (previous != null) {
            replay(previous, bodyHash, response);
            return;
        }
        if (running.putIfAbsent(id, Boolean.TRUE) != null) {
            ProblemWriter.write(response, 409, "Conflict", "A request with this Idempotency-Key is still running");
            return;
        }
        try {
            previous = answers.find(Filters.eq("_id", id)).first();
            if (previous != null) {
                replay(previous, bodyHash, response);
                return;
            }
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(cached, wrapper);
            int status = wrapper.getStatus();
            if (status < 500) {
                answers.insertOne(new Document("_id", id)
                        .append("bodyHash", bodyHash)
                        .append("status", status)
                        .append("contentType", wrapper.getContentType())
                        .append("location", wrapper.getHeader("Location"))
                        .append("body", new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .append("at", clock.getObject().instant().toString()));
            }
            wrapper.copyBodyToResponse();
        } finally {
            running.remove(id);
        }
    }

    private static void replay(Document previous, String bodyHash, HttpServletResponse response) throws IOException {
        if (!bodyHash.equals(previous.getString("bodyHash"))) {
            ProblemWriter.write(response, 422, "Unprocessable content",
                    "This Idempotency-Key was used with another request body");
            return;
        }
        response.setStatus(previous.getInteger("status"));
        if (previous.getString("contentType") != null) {
            response.setContentType(previous.getString("contentType"));
        }
        if (previous.getString("location") != null) {
            response.setHeader("Location", previous.getString("location"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(previous.getString("body"));
    }
}
