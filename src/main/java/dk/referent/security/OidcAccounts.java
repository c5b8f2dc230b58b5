package dk.referent.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on: a user the organisation's OpenID Connect provider vouches for is the Referent user with the
 * same username, taken from a claim ({@code referent.oidc.username-claim}, default {@code preferred_username},
 * falling back to {@code email}). The account must exist (the admin creates it, as for password users): the
 * provider proves who someone is, Referent decides what they may do, so roles and admin rights come from the
 * local account and never from the provider's claims.
 */
class OidcAccounts extends OidcUserService {

    static final String FALLBACK_CLAIM = "email";

    private final Users users;
    private final String usernameClaim;

    OidcAccounts(Users users, String usernameClaim) {
        this.users = users;
        this.usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        return toReferentUser(super.loadUser(request));
    }

    /** The provider's user as the Referent account it names, or a refusal when there is none. */
    OidcUser toReferentUser(OidcUser oidc) {
        String claim = oidc.getClaimAsString(usernameClaim) != null ? usernameClaim : FALLBACK_CLAIM;
        String username = oidc.getClaimAsString(claim);
        if (username == null || username.isBlank()) {
            throw refusal("missing_username", "The identity provider sent no " + usernameClaim + " or "
                    + FALLBACK_CLAIM + " claim");
        }
        List<GrantedAuthority> authorities;
        try {
            authorities = List.copyOf(users.loadUserByUsername(username).getAuthorities());
        } catch (UsernameNotFoundException e) {
            throw refusal("unknown_user", "No Referent user named " + username + "; ask the administrator");
        }
        return new DefaultOidcUser(authorities, oidc.getIdToken(), oidc.getUserInfo(), claim);
    }

    private static OAuth2AuthenticationException refusal(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }
}
