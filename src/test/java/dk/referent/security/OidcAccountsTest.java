package dk.referent.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The provider says who someone is; the local account says what they may do. */
class OidcAccountsTest {

    final Users users = mock(Users.class);

    OidcUser fromProvider(Map<String, Object> claims) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put("sub", "f3a9c");
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all);
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), token, "sub");
    }

    void account(String username, String... roles) {
        when(users.loadUserByUsername(username))
                .thenReturn(User.withUsername(username).password("x").roles(roles).build());
    }

    static List<String> authorities(OidcUser user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void theUsernameComesFromPreferredUsernameAndTheRightsFromTheLocalAccount() {
        account("mette", "USER");
        OidcUser user = new OidcAccounts(users, null).toReferentUser(fromProvider(Map.of(
                "preferred_username", "mette", "email", "mette@viborg.dk")));
        assertThat(user.getName()).isEqualTo("mette");
        assertThat(authorities(user)).containsExactly("ROLE_USER"); // not the provider's ROLE_ADMIN
    }

    @Test
    void theEmailClaimIsTheFallbackAndTheClaimIsConfigurable() {
        account("mette@viborg.dk", "USER");
        assertThat(new OidcAccounts(users, "preferred_username")
                .toReferentUser(fromProvider(Map.of("email", "mette@viborg.dk"))).getName())
                .isEqualTo("mette@viborg.dk");
        account("M1234", "ADMIN", "USER");
        OidcUser byEmployeeNumber = new OidcAccounts(users, "employee_number")
                .toReferentUser(fromProvider(Map.of("employee_number", "M1234", "email", "x@y.dk")));
        assertThat(byEmployeeNumber.getName()).isEqualTo("M1234");
        assertThat(authorities(byEmployeeNumber)).contains("ROLE_ADMIN");
    }

    @Test
    void someoneWithoutAReferentAccountOrWithoutAUsernameIsRefused() {
        when(users.loadUserByUsername("ukendt")).thenThrow(new UsernameNotFoundException("unknown user"));
        OidcAccounts accounts = new OidcAccounts(users, null);
        assertThatThrownBy(() -> accounts.toReferentUser(fromProvider(Map.of("preferred_username", "ukendt"))))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("No Referent user");
        assertThatThrownBy(() -> accounts.toReferentUser(fromProvider(Map.of("name", "Uden Navn"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
