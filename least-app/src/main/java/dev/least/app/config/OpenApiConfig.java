package dev.least.app.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the caveats a caller must know. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
  @Bean
  OpenAPI leastOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Least API")
                .version("v1")
                .description(
                    "Snapshots, analysis runs and recommendations with an approval workflow."
                        + " Every endpoint needs a signed-in user or a bearer token. Errors are"
                        + " problem+json with a stable `code`. The `apply` action records the"
                        + " approved patch for export (GET /api/v1/recommendations/{id}/patch);"
                        + " it is not sent to Entra ID or Okta yet: live apply arrives with the"
                        + " live connectors."));
  }
}
