package dk.referent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The meeting flow over a real socket against the embedded store (a fresh data file). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedStoreTest extends MeetingFlowContract {

    static final String PASSWORD = "it-admin-secret";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("referent-it");
        registry.add("referent.data-dir", dir::toString);
        registry.add("referent.admin-password", () -> PASSWORD);
    }

    @Override
    Api api() {
        return new Api("http://localhost:" + port, "admin", PASSWORD);
    }
}
