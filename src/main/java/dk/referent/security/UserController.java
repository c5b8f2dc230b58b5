package dk.referent.security;

import java.net.URI;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Accounts: the admin creates them; anyone logged in may ask who they are. */
@RestController
class UserController {

    private final Users users;
    private final Access access;

    UserController(Users users, Access access) {
        this.users = users;
        this.access = access;
    }

    record NewUser(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                           message = "letters, digits and . _ @ - only") String username,
                   @NotBlank @Size(max = 200) String displayName,
                   @NotBlank @Size(min = 8, max = 200) String password) {
    }

    @PostMapping("/api/users")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody NewUser user) {
        access.requireAdmin();
        users.create(user.username(), user.displayName().strip(), user.password(), false);
        return ResponseEntity.created(URI.create("/api/users/" + user.username()))
                .body(Map.of("id", user.username()));
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        Users.Account a = users.find(CurrentUser.name()).orElseThrow();
        return Map.of("username", a.username(), "displayName", a.displayName(), "admin", a.admin());
    }
}
