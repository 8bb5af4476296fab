package io.forewarn.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about the API as a whole. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI forewarnApi() {
        return new OpenAPI().info(new Info()
                .title("Forewarn API")
                .version("v1")
                .description("Duty to warn: threat reports, affected parties, obligations to warn, drafts and warnings, "
                        + "deliveries, waivers, incidents and their after-action reviews, the timeline, scenario replays, "
                        + "policy versions. "
                        + "Errors are RFC 9457 problem details. Every POST may carry an Idempotency-Key header: a repeat "
                        + "with the same key gets the first answer (marked Idempotency-Replayed: true) and changes nothing. "
                        + "Protected material is shown only to analysts, "
                        + "approvers and directors."));
    }
}
