package dk.referent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OpenID Connect provider configured (here a made-up one: nothing is fetched from it), the app sends the
 * browser there to log in, and everything else works as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

    static final String PASSWORD = "sso-admin-secret";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        registry.add("referent.data-dir", () -> tempDir());
        registry.add("referent.admin-password", () -> PASSWORD);
        String r = "spring.security.oauth2.client.registration.region.";
        registry.add(r + "client-id", () -> "referent");
        registry.add(r + "client-secret", () -> "not-a-secret");
        registry.add(r + "scope", () -> "openid,profile,email");
        registry.add(r + "authorization-grant-type", () -> "authorization_code");
        registry.add(r + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String p = "spring.security.oauth2.client.provider.region.";
        registry.add(p + "authorization-uri", () -> "https://login.region.example/authorize");
        registry.add(p + "token-uri", () -> "https://login.region.example/token");
        registry.add(p + "jwk-set-uri", () -> "https://login.region.example/keys");
        registry.add(p + "user-name-attribute", () -> "sub");
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("referent-sso").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theBrowserIsSentToTheProviderToLogIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/oauth2/authorization/region")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://login.region.example/authorize?")
                .contains("response_type=code", "client_id=referent", "scope=openid%20profile%20email", "state=",
                        "nonce=", "redirect_uri=http://localhost:" + port + "/login/oauth2/code/region");
    }

    @Test
    void passwordsAndTheApiWorkAsBefore() {
        Api admin = new Api("http://localhost:" + port, "admin", PASSWORD);
        assertThat(admin.get("/api/me").json().path("username").asText()).isEqualTo("admin");
        assertThat(admin.as(null, null).get("/api/me").status()).isEqualTo(401);
        assertThat(admin.as(null, null).post("/api/committees", "{}").status()).isEqualTo(401);
        assertThat(admin.as("admin", "wrong").get("/api/me").status()).isEqualTo(401);
    }
}
