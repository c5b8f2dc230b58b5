package dk.referent.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The short memory of verified passwords: hits skip bcrypt, misses and failures never do, entries expire. */
class VerifiedCredentialsTest {

    final DaoAuthenticationProvider bcrypt = mock(DaoAuthenticationProvider.class);
    Instant now = Instant.parse("2024-10-04T09:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** The checks ahead of time, run when the test says. */
    final java.util.concurrent.BlockingQueue<Runnable> background = new java.util.concurrent.LinkedBlockingQueue<>();
    final VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, clock, background::add);

    static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsCheckedOnceWithinTwoMinutesAndAgainAfter() {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
        when(bcrypt.authenticate(any())).thenReturn(ok);
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        now = now.plus(Duration.ofSeconds(89));
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        verify(bcrypt, times(1)).authenticate(any());
        assertThat(background).isEmpty();
        now = now.plus(Duration.ofSeconds(32)); // 121 s, no request in the last 30 s: checked while it waits
        credentials.authenticate(login("mette", "hemmelig"));
        verify(bcrypt, times(2)).authenticate(any());
    }

    /**
     * A pair in use is checked again in its last 30 s, in the background: no request waits for bcrypt, and the
     * check's failure forgets the pair at once.
     */
    @Test
    void aPairInUseIsCheckedAgainAheadOfTimeWithoutARequestWaiting() {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null, List.of());
        when(bcrypt.authenticate(any())).thenReturn(ok);
        Instant start = now;
        credentials.authenticate(login("mette", "hemmelig"));
        now = start.plus(Duration.ofSeconds(91));
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        now = start.plus(Duration.ofSeconds(95));
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        verify(bcrypt, times(1)).authenticate(any());
        assertThat(background).hasSize(1); // one check for both
        background.poll().run();
        verify(bcrypt, times(2)).authenticate(any());

        // remembered from that check's start (91 s) for two minutes: at 205 s still, and checked ahead again
        now = start.plus(Duration.ofSeconds(205));
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        verify(bcrypt, times(2)).authenticate(any());
        assertThat(background).hasSize(1);
        when(bcrypt.authenticate(any())).thenThrow(new BadCredentialsException("bad"));
        background.poll().run();
        verify(bcrypt, times(3)).authenticate(any());
        // forgotten: the next request is checked itself, and refused
        assertThatThrownBy(() -> credentials.authenticate(login("mette", "hemmelig")))
                .isInstanceOf(BadCredentialsException.class);
        verify(bcrypt, times(4)).authenticate(any());
    }

    /** A request after the memory ran out while a check ahead of time is under way waits for that check. */
    @Test
    void aRequestAfterTheMemoryRanOutSharesTheCheckUnderWay() throws Exception {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null, List.of());
        when(bcrypt.authenticate(any())).thenReturn(ok);
        Instant start = now;
        credentials.authenticate(login("mette", "hemmelig"));
        now = start.plus(Duration.ofSeconds(100));
        credentials.authenticate(login("mette", "hemmelig"));
        Runnable check = background.poll();
        now = start.plus(Duration.ofSeconds(130));
        java.util.concurrent.CompletableFuture<Authentication> late = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> credentials.authenticate(login("mette", "hemmelig")));
        Thread.sleep(200);
        assertThat(late).isNotDone(); // waiting for the check under way, not running its own
        check.run();
        assertThat(late.get(5, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(ok);
        verify(bcrypt, times(2)).authenticate(any());
    }

    @Test
    void anotherPasswordOrUserIsCheckedAndFailuresAreNeverRemembered() {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null, List.of());
        when(bcrypt.authenticate(any())).thenReturn(ok);
        credentials.authenticate(login("mette", "hemmelig"));
        when(bcrypt.authenticate(any())).thenThrow(new BadCredentialsException("bad"));
        assertThatThrownBy(() -> credentials.authenticate(login("mette", "hemmelig2"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("mette\u0000", "hemmelig"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("mett", "ehemmelig"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("mette", "hemmelig2"))).isInstanceOf(BadCredentialsException.class);
        verify(bcrypt, times(5)).authenticate(any());
    }

    /** Requests with the pair being checked wait for that one check: its result, or its failure. */
    @Test
    void concurrentRequestsWithTheSamePairShareOneCheck() throws Exception {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null, List.of());
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        when(bcrypt.authenticate(any())).thenAnswer(call -> {
            checking.countDown();
            finish.await();
            return ok;
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Authentication>> answers = new java.util.ArrayList<>();
            answers.add(pool.submit(() -> credentials.authenticate(login("mette", "hemmelig"))));
            checking.await();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> credentials.authenticate(login("mette", "hemmelig"))));
            }
            Thread.sleep(200); // the seven are waiting for the first check
            finish.countDown();
            for (java.util.concurrent.Future<Authentication> answer : answers) {
                assertThat(answer.get(5, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(ok);
            }
        } finally {
            pool.shutdownNow();
        }
        verify(bcrypt, times(1)).authenticate(any());

        // a failed check fails every request that waited for it, and is not remembered
        now = now.plus(Duration.ofMinutes(3));
        when(bcrypt.authenticate(any())).thenThrow(new BadCredentialsException("bad"));
        assertThatThrownBy(() -> credentials.authenticate(login("mette", "hemmelig")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("mette", "hemmelig")))
                .isInstanceOf(BadCredentialsException.class);
        verify(bcrypt, times(3)).authenticate(any());
    }

    @Test
    void whereTheUsernameEndsIsPartOfWhatIsRemembered() {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null, List.of());
        when(bcrypt.authenticate(any())).thenReturn(ok);
        credentials.authenticate(login("mette", "\u0000hemmelig"));
        when(bcrypt.authenticate(any())).thenThrow(new BadCredentialsException("bad"));
        assertThatThrownBy(() -> credentials.authenticate(login("mette\u0000", "hemmelig")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
