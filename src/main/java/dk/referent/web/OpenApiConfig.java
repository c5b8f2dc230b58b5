package dk.referent.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The title, contract notes and authentication of the generated OpenAPI description (/v3/api-docs). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI referentOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Referent API").version("v1").description("""
                        Committee meetings kept live and honestly: committees, meetings (agenda, attendance,
                        decisions with revisions, actions, minutes approval), funds (klyngemidler) and the audit.
                        JSON in and out; amounts are DKK strings with two decimals; errors are
                        application/problem+json. Live changes: STOMP over WebSocket at /ws (see the README).
                        A POST with an Idempotency-Key header is applied once however often it is retried."""))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
