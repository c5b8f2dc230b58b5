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
 * <p>
 * A pair still in use is checked again before its memory runs out, in the background: a request in the last
 * 30 seconds of the two minutes is answered from memory and starts that check, whose result starts a new two
 * minutes, and whose failure (the password changed, the account is gone) forgets the pair at once. Otherwise a
 * busy script's every request waited for bcrypt every two minutes: in the live benchmark all 50 senders' commands
 * stood still for the one check (tens of milliseconds of CPU, more on a busy machine).
 */
class VerifiedCredentials implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofMinutes(2);
    /** How long before its memory runs out a pair in use is checked again, in the background. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** The checks under way, by key. */
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();
    /** Where the checks ahead of time run. */
    private final java.util.concurrent.Executor background;

    private record Verified(Authentication authentication, Instant until) {
    }

    VerifiedCredentials(DaoAuthenticationProvider delegate, Clock clock) {
        this(delegate, clock, java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "credentials-refresh");
            t.setDaemon(true);
            return t;
        }));
    }

    VerifiedCredentials(DaoAuthenticationProvider delegate, Clock clock, java.util.concurrent.Executor background) {
        this.delegate = delegate;
        this.clock = clock;
        this.background = background;
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
            if (!v.until().minus(REFRESH_AHEAD).isAfter(now)) {
                checkAhead(key, authentication, v);
            }
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

    /**
     * Checks the pair again in the background unless a check of it is under way; requests meanwhile are answered
     * from memory, or, once it has run out, wait for this check. A failure forgets the pair; an error that is not a
     * verdict on it (the store not answering) leaves the memory to run out.
     */
    private void checkAhead(String key, Authentication authentication, Verified remembered) {
        CompletableFuture<Authentication> check = new CompletableFuture<>();
        if (checking.putIfAbsent(key, check) != null) {
            return;
        }
        Runnable task = () -> {
            Instant started = clock.instant();
            try {
                Authentication result = delegate.authenticate(authentication);
                remember(key, result, started);
                check.complete(result);
            } catch (org.springframework.security.core.AuthenticationException e) {
                verified.remove(key, remembered);
                check.completeExceptionally(e);
            } catch (RuntimeException e) {
                check.completeExceptionally(e);
            } finally {
                checking.remove(key, check);
            }
        };
        try {
            background.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            checking.remove(key, check);
            check.cancel(false);
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
