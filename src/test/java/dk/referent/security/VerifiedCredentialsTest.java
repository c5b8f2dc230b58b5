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
    final VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, clock);

    static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsCheckedOnceWithinTwoMinutesAndAgainAfter() {
        Authentication ok = UsernamePasswordAuthenticationToken.authenticated("mette", null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
        when(bcrypt.authenticate(any())).thenReturn(ok);
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        now = now.plus(Duration.ofSeconds(119));
        assertThat(credentials.authenticate(login("mette", "hemmelig"))).isSameAs(ok);
        verify(bcrypt, times(1)).authenticate(any());
        now = now.plus(Duration.ofSeconds(2));
        credentials.authenticate(login("mette", "hemmelig"));
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
