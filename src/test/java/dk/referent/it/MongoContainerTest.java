package dk.referent.it;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same meeting flow against a real MongoDB (a single-member replica set) in a container. Where no Docker engine
 * is reachable, JUnit reports these tests as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class MongoContainerTest extends FundFlowContract {

    static final String PASSWORD = "it-admin-secret";

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0.14");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("referent.mongodb-uri", () -> MONGO.getReplicaSetUrl("referent"));
        registry.add("referent.admin-password", () -> PASSWORD);
    }

    @Override
    int port() {
        return port;
    }

    @Override
    String adminPassword() {
        return PASSWORD;
    }

    @Override
    Api api() {
        return new Api("http://localhost:" + port, "admin", PASSWORD);
    }
}
