package dk.referent.security;

import java.util.Optional;

import org.bson.Document;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dk.referent.shared.RuleViolation;

/**
 * Accounts: username, display name and a password hash (never in events: credentials are not part of the
 * record). The admin account is {@code admin}; everything else a user may do comes from committee access.
 */
@Component
public class Users implements UserDetailsService {

    public static final String ADMIN = "admin";

    private final MongoCollection<Document> users;
    private final PasswordEncoder encoder;

    Users(MongoDatabase db, PasswordEncoder encoder) {
        this.users = db.getCollection("users");
        this.encoder = encoder;
    }

    public record Account(String username, String displayName, boolean admin) {
    }

    public boolean isEmpty() {
        return users.countDocuments() == 0;
    }

    public void create(String username, String displayName, String password, boolean admin) {
        try {
            users.insertOne(new Document("_id", username)
                    .append("displayName", displayName)
                    .append("passwordHash", encoder.encode(password))
                    .append("admin", admin));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new RuleViolation("The username " + username + " is taken");
            }
            throw e;
        }
    }

    public Optional<Account> find(String username) {
        Document d = users.find(Filters.eq("_id", username)).first();
        return Optional.ofNullable(d).map(x -> new Account(x.getString("_id"), x.getString("displayName"),
                Boolean.TRUE.equals(x.getBoolean("admin"))));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Document d = users.find(Filters.eq("_id", username)).first();
        if (d == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return User.withUsername(username)
                .password(d.getString("passwordHash"))
                .roles(Boolean.TRUE.equals(d.getBoolean("admin")) ? new String[]{"ADMIN", "USER"} : new String[]{"USER"})
                .build();
    }
}
