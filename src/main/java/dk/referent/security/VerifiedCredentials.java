package dk.referent.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Password checks with a short memory. A script using HTTP Basic sends its password with every request, and a
 * bcrypt check costs tens of milliseconds of CPU each time; this remembers, for two minutes, that a
 * username/password pair was verified (only as a salted SHA-256 of both, with a salt made at start), so the
 * expensive check runs once per script session instead of once per request. Failures are never remembered.
 * Requests that bring the same pair while it is being checked wait for that check instead of running their own:
 * when the memory of a busy script's pair expires, its concurrent requests would otherwise all run bcrypt at
 * once (50 of them took seconds of CPU in the live benchmark, every two minutes).
 */
class VerifiedCredentials implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(2);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** The checks under way, by key. */
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    private record Verified(Authentication authentication, Instant until) {
    }

    VerifiedCredentials(DaoAuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            return delegate.authenticate(authentication);
        }
        String key = key(authentication.getName(), credentials.toString());
        Instant now = clock.instant();
        Verified v = verified.get(key);
        if (v != null && v.until().isAfter(now)) {
            return v.authentication();
        }
        CompletableFuture<Authentication> check = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, check);
        if (running != null) {
            return outcome(running);
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            remember(key, result, now);
            check.complete(result);
            return result;
        } catch (RuntimeException e) {
            check.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, check);
        }
    }

    /** The result of another request's check of the same pair: its authentication, or its exception. */
    private static Authentication outcome(CompletableFuture<Authentication> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void remember(String key, Authentication result, Instant now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(result, now.plus(TTL)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            // the username's length first: ("a\0", "b") and ("a", "\0b") must not share a key
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(user.length).array());
            sha.update(user);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
