package io.forewarn.web.openapi;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.forewarn.json.LevelsView;
import io.forewarn.json.PartyView;
import io.forewarn.json.PlaceView;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the API at {@code /v3/api-docs}, generated from the controllers, their
 * annotations and the views they answer with; what holds for every operation (who may call it, the
 * problems it can answer, the Idempotency-Key of a POST) is added from the one place that decides it.
 */
@Configuration
public class ApiDocumentation {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";

    static {
        // Views written through @JsonValue, documented by the shape they write.
        SpringDocUtils.getConfig()
                .replaceWithClass(PlaceView.class, PlaceSchema.class)
                .replaceWithClass(LevelsView.class, FacetValuesSchema.class)
                .replaceWithClass(PartyView.class, PartySchema.class);
    }

    @Bean
    OpenAPI forewarnApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Forewarn API")
                        .version("v1")
                        .description("Duty to warn: threat reports, affected parties, obligations to warn, drafts and "
                                + "warnings, deliveries, waivers, incidents and their after-action reviews, the timeline, "
                                + "the ledger, scenario replays, policy versions. Errors are RFC 9457 problem details. "
                                + "Every POST may carry an Idempotency-Key header: a repeat with the same key gets the "
                                + "first answer (marked Idempotency-Replayed: true) and changes nothing. Each operation "
                                + "names the roles that may call it; protected material is shown only to analysts, "
                                + "approvers and directors."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A login of forewarn.users (bcrypt password)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT from the OIDC provider the server is configured with; its roles "
                                        + "claim carries the Forewarn roles")));
    }

    /**
     * The model reader, told the views' Jackson 3 naming strategy. A bean of swagger-core's own
     * {@link ModelResolver} class takes the place of the default one.
     */
    @Bean
    ModelResolver modelResolver() {
        ObjectMapper mapper = Json31.mapper().copy();
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new JacksonNaming(),
                mapper.getSerializationConfig().getAnnotationIntrospector()));
        return new ModelResolver(mapper).openapi31(true);
    }

    @Bean
    PropertyCustomizer codedValues() {
        return new CodedValues();
    }

    @Bean
    OpenApiCustomizer everyOperation() {
        return api -> {
            ModelConverters.getInstance(true).readAll(Problem.class).forEach(api.getComponents()::addSchemas);
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                OperationAccess.document(path, method, operation);
                OperationProblems.document(path, method, operation);
            }));
        };
    }
}
