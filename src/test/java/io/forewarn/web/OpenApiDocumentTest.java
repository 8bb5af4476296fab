package io.forewarn.web;

import io.forewarn.Crocus;
import io.forewarn.server.ForewarnServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document at {@code /v3/api-docs}, served by a running server, read as a client generator reads
 * it (swagger-parser): no messages; every operation with its request and answer schemas, its
 * security requirement and roles, and its problem answers; and what the server really answers has
 * the shape the document gives it.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
    }

    private OpenAPI api;

    @BeforeEach
    void readTheServedDocument() {
        Http.Reply served = Http.get(port, null, "/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's messages").isEmpty();
        api = parsed.getOpenAPI();
    }

    @Test
    void theDocumentIsOpenApi31WithBothLoginsAndTheProblemSchema() {
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basic");
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearer");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties().keySet())
                .containsExactly("type", "title", "status", "detail", "instance", "line", "column", "field");
        // Codes are listed from the domain's enums, so a client can switch on them.
        assertThat(values(property("ReportView", "harm")))
                .containsExactly("killing", "serious-bodily-injury", "kidnapping", "other");
        assertThat(values(property("ObligationView", "allowed-next").getItems()))
                .contains("open", "drafted", "waiver-requested", "escalated");
        assertThat(values(property("WaiverRequest", "scope"))).containsExactly("not-warned", "less-specific");
    }

    @Test
    void everyOperationHasItsSchemasItsRolesAndItsProblems() {
        Set<String> withBody = operationsTakingABody();
        List<String> wrong = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                if (operation.getOperationId() == null || operation.getOperationId().matches(".*_\\d+")
                        || !operationIds.add(operation.getOperationId())) {
                    wrong.add(name + ": operationId " + operation.getOperationId());
                }
                boolean takesBody = withBody.contains(name);
                if (takesBody != (operation.getRequestBody() != null)) {
                    wrong.add(name + ": request body documented " + (operation.getRequestBody() != null)
                            + ", taken " + takesBody);
                }
                if (operation.getRequestBody() != null) {
                    operation.getRequestBody().getContent().forEach((type, media) -> {
                        if (!hasSchema(media) || "byte".equals(media.getSchema().getFormat())) {
                            wrong.add(name + ": no request schema for " + type);
                        }
                    });
                }
                List<ApiResponse> successes = operation.getResponses().entrySet().stream()
                        .filter(response -> response.getKey().startsWith("2")).map(Map.Entry::getValue).toList();
                if (successes.isEmpty() || successes.stream().anyMatch(response -> response.getContent() == null
                        || response.getContent().isEmpty()
                        || !response.getContent().values().stream().allMatch(OpenApiDocumentTest::hasSchema))) {
                    wrong.add(name + ": a 2xx answer without a schema");
                }
                List<SecurityRequirement> security = operation.getSecurity();
                if (security == null || security.stream().map(requirement -> requirement.keySet().iterator().next())
                        .toList().equals(List.of("basic", "bearer")) == false) {
                    wrong.add(name + ": security " + security);
                }
                Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get("x-forewarn-roles");
                if (!(roles instanceof List<?> list) || list.isEmpty()
                        || !operation.getDescription().endsWith("Roles: " + String.join(", ", list.stream().map(String::valueOf).toList()) + ".")) {
                    wrong.add(name + ": roles " + roles + " / " + operation.getDescription());
                }
                Set<String> problems = new TreeSet<>(List.of("401", "403"));
                if (takesBody) {
                    problems.addAll(List.of("400", "413", "415"));
                }
                if (path.getKey().contains("{")) {
                    problems.add("404");
                }
                if (entry.getKey() == PathItem.HttpMethod.POST) {
                    problems.addAll(List.of("400", "409", "422"));
                }
                for (String status : problems) {
                    ApiResponse problem = operation.getResponses().get(status);
                    if (problem == null || problem.getContent() == null
                            || problem.getContent().get("application/problem+json") == null
                            || !PROBLEM.equals(problem.getContent().get("application/problem+json").getSchema().get$ref())) {
                        wrong.add(name + ": no problem+json " + status);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(operations).isEqualTo(handlerOperations());
    }

    @Test
    void whatTheServerAnswersHasTheShapeTheDocumentGivesIt() {
        SchemaConformance shapes = new SchemaConformance(api);
        List<String> wrong = new ArrayList<>();
        for (String party : Reports.CROCUS_PARTIES) {
            Http.Reply created = Http.post(port, "analyst", "/api/v1/parties", "application/json", party);
            wrong.addAll(shapes.problems("POST", "/api/v1/parties", created));
        }
        Http.Reply report = Http.post(port, "analyst", "/api/v1/reports", "application/json", Reports.crocus("R-1"));
        assertThat(report.status()).isEqualTo(201);
        wrong.addAll(shapes.problems("POST", "/api/v1/reports", report));
        wrong.addAll(shapes.problems("POST", "/api/v1/reports", Http.post(port, "analyst", "/api/v1/reports",
                "application/json", Reports.crocus("R-1"))));
        Http.Reply draft = Http.post(port, "analyst", "/api/v1/reports/R-1/drafts", "application/json",
                "{\"audience\": \"public\"}");
        wrong.addAll(shapes.problems("POST", "/api/v1/reports/{report}/drafts", draft));
        String draftId = draft.json().path("id").asString();
        Http.Reply approved = Http.post(port, "approver", "/api/v1/drafts/" + draftId + "/approve", null, (String) null);
        wrong.addAll(shapes.problems("POST", "/api/v1/drafts/{id}/approve", approved));
        Http.Reply issued = Http.post(port, "approver", "/api/v1/drafts/" + draftId + "/issue", null, (String) null);
        wrong.addAll(shapes.problems("POST", "/api/v1/drafts/{id}/issue", issued));
        Http.Reply waiver = Http.post(port, "analyst", "/api/v1/obligations/R-1/ru-authorities/waivers", "application/json",
                "{\"reason\": \"victim-already-aware\", \"scope\": \"not-warned\"}");
        wrong.addAll(shapes.problems("POST", "/api/v1/obligations/{report}/{party}/waivers", waiver));
        wrong.addAll(shapes.problems("POST", "/api/v1/waivers/{id}/approve", Http.post(port, "approver",
                "/api/v1/waivers/" + waiver.json().path("id").asString() + "/approve", "application/json", "{\"note\": \"ok\"}")));
        wrong.addAll(shapes.problems("POST", "/api/v1/incidents", Http.post(port, "analyst", "/api/v1/incidents",
                "application/json", Reports.incident("crocus-city-hall-attack", "2024-03-22T19:58+03:00"))));
        wrong.addAll(shapes.problems("POST", "/api/v1/parties/import", Http.post(port, "analyst", "/api/v1/parties/import",
                "text/csv", "id,kind,audience,country\nkazan-public,public,public,RU\nbad,spaceship,public,RU\n")));
        wrong.addAll(shapes.problems("POST", "/api/v1/policy", Http.post(port, "director", "/api/v1/policy",
                "application/yaml", Reports.policyVersion(4))));
        wrong.addAll(shapes.problems("POST", "/api/v1/scenario-runs", Http.post(port, "oversight",
                "/api/v1/scenario-runs?mode=as-recorded", "application/yaml", Crocus.SCENARIO_TEXT)));
        for (String[] call : new String[][]{
                {"/api/v1/reports", "/api/v1/reports"}, {"/api/v1/reports/{id}", "/api/v1/reports/R-1"},
                {"/api/v1/parties", "/api/v1/parties"}, {"/api/v1/parties/{id}", "/api/v1/parties/crocus-city-hall"},
                {"/api/v1/obligations", "/api/v1/obligations"},
                {"/api/v1/obligations/{report}/{party}", "/api/v1/obligations/R-1/crocus-city-hall"},
                {"/api/v1/drafts", "/api/v1/drafts"}, {"/api/v1/drafts/{id}", "/api/v1/drafts/" + draftId},
                {"/api/v1/warnings", "/api/v1/warnings"}, {"/api/v1/waivers", "/api/v1/waivers"},
                {"/api/v1/incidents", "/api/v1/incidents"},
                {"/api/v1/incidents/{id}/review", "/api/v1/incidents/crocus-city-hall-attack/review"},
                {"/api/v1/events", "/api/v1/events"}, {"/api/v1/policy", "/api/v1/policy"},
                {"/api/v1/policy/versions", "/api/v1/policy/versions"}, {"/api/v1/ledger/head", "/api/v1/ledger/head"},
                {"/api/v1/ledger/entries", "/api/v1/ledger/entries?size=3"},
                {"/api/v1/ledger/entries/{index}/proof", "/api/v1/ledger/entries/0/proof"},
                {"/api/v1/ledger/consistency", "/api/v1/ledger/consistency?from=1"},
                {"/api/v1/ledger/export", "/api/v1/ledger/export"},
                {"/api/v1/drafts/{id}", "/api/v1/drafts/D-999"}, {"/api/v1/reports", "/api/v1/reports?size=0"}}) {
            Http.Reply answer = Http.get(port, "oversight", call[1]);
            assertThat(answer.status()).as(call[1]).isLessThan(500);
            wrong.addAll(shapes.problems("GET", call[0], answer));
        }
        wrong.addAll(shapes.problems("GET", "/api/v1/reports", Http.get(port, "partner", "/api/v1/reports")));
        wrong.addAll(shapes.problems("GET", "/api/v1/reports", Http.get(port, null, "/api/v1/reports")));
        assertThat(wrong).isEmpty();
    }

    private Schema<?> property(String schema, String name) {
        Schema<?> component = api.getComponents().getSchemas().get(schema);
        return component.getProperties().get(name);
    }

    private static List<String> values(Schema<?> schema) {
        return schema.getEnum() == null ? List.of() : schema.getEnum().stream().map(String::valueOf).toList();
    }

    private static boolean hasSchema(MediaType media) {
        return media.getSchema() != null && (media.getSchema().get$ref() != null
                || SchemaConformance.type(media.getSchema()) != null);
    }

    /** "POST /api/v1/reports" for every handler method that reads a request body. */
    private Set<String> operationsTakingABody() {
        Set<String> names = new HashSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            boolean body = java.util.Arrays.stream(method.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            if (body) {
                names.addAll(names(info));
            }
        });
        return names;
    }

    /** How many operations (method and path) the API's controllers answer. */
    private int handlerOperations() {
        Set<String> names = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            String where = handler.getValue().getBeanType().getPackageName();
            // the public alerts (web.feed) are documents of their own standards, CAP and Atom, not the REST API
            if (where.startsWith("io.forewarn.web.") && !where.equals("io.forewarn.web.feed")) {
                names.addAll(names(handler.getKey()));
            }
        }
        return names.size();
    }

    private static Set<String> names(RequestMappingInfo info) {
        Set<String> names = new HashSet<>();
        for (var method : info.getMethodsCondition().getMethods()) {
            for (String pattern : info.getPatternValues()) {
                names.add(method.name() + " " + pattern);
            }
        }
        return names;
    }
}
