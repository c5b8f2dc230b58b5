package dk.referent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on a random port against the embedded store (a fresh data file), shared by every integration test
 * class that implements this and is annotated {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and
 * {@code @AutoConfigureObservability} (so /actuator/prometheus is served) and nothing else: the property source below is then the same method for all of them, so Spring starts the app once and
 * reuses the cached context.
 */
interface EmbeddedApp {

    String PASSWORD = "it-admin-secret";

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("referent-it");
        registry.add("referent.data-dir", dir::toString);
        registry.add("referent.admin-password", () -> PASSWORD);
    }
}
