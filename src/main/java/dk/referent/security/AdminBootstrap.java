package dk.referent.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty store, creates the user {@code admin} with the password from
 * REFERENT_ADMIN_PASSWORD / referent.admin-password, or a random one that is logged once.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final String password;

    AdminBootstrap(Users users, @Value("${referent.admin-password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void createAdmin() {
        if (users.find(Users.ADMIN).isPresent()) {
            return;
        }
        String pw = password;
        if (pw == null || pw.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            pw = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("Created user 'admin' with the generated password: {} (set REFERENT_ADMIN_PASSWORD to choose one)", pw);
        } else {
            log.info("Created user 'admin' with the password from REFERENT_ADMIN_PASSWORD");
        }
        users.create(Users.ADMIN, "Administrator", pw, true);
    }
}
