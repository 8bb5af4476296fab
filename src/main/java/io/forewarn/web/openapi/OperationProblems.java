package io.forewarn.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.List;
import java.util.function.Predicate;

/**
 * The problems an operation can answer, each as {@code application/problem+json} with the
 * {@code Problem} schema, decided from what the operation is: one that needs a login can be refused
 * (401, 403), one with a body can have a bad one (400, 413, 415), one whose path names something can
 * find nothing (404), and a POST carries an Idempotency-Key (400 for a bad key, 409 while the first
 * request with it runs, 422 for a key reused on another request) and can conflict with the case (409).
 * Nothing in the API answers 412 or 429 yet, so no operation lists them.
 */
final class OperationProblems {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** An operation as the rules below see it. */
    private record Op(String path, PathItem.HttpMethod method, Operation operation) {

        boolean post() {
            return method == PathItem.HttpMethod.POST;
        }

        boolean hasBody() {
            return operation.getRequestBody() != null;
        }

        boolean namesSomething() {
            return path.contains("{");
        }

        boolean needsLogin() {
            return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        }

        /** A body, or a parameter that can be malformed (a path's string segment cannot). */
        boolean takesInput() {
            return hasBody() || operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> !("path".equals(parameter.getIn()) && "string".equals(type(parameter.getSchema()))));
        }
    }

    private record Kind(String status, String description, Predicate<Op> applies) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("400", "The request is not valid: its body (line and column say where), a parameter, or its "
                    + "Idempotency-Key header", Op::takesInput),
            new Kind("401", "No login, or a wrong one", Op::needsLogin),
            new Kind("403", "The caller's roles may not do this; the detail names the roles that may", Op::needsLogin),
            new Kind("404", "Nothing on file has the id the path names", Op::namesSomething),
            new Kind("409", "The request conflicts with the case (a step the workflow does not allow, something "
                    + "already on file), or a request with the same Idempotency-Key is still running (Retry-After)",
                    Op::post),
            new Kind("413", "The body is larger than 4 MiB", Op::hasBody),
            new Kind("415", "The body is not of a media type this operation reads", Op::hasBody),
            new Kind("422", "The Idempotency-Key was used for a different request", Op::post));

    private OperationProblems() {
    }

    /** Adds the problems to {@code operation}, after {@link OperationAccess} has said whether it needs a login. */
    static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Op op = new Op(path, method, operation);
        if (op.post()) {
            idempotencyKey(operation);
        }
        ApiResponses responses = operation.getResponses();
        for (Kind kind : KINDS) {
            if (kind.applies().test(op)) {
                responses.addApiResponse(kind.status(), problem(kind.description(), kind.status().equals("401")));
            }
        }
    }

    private static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        return schema.getType() != null ? schema.getType()
                : schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
    }

    private static void idempotencyKey(Operation operation) {
        boolean present = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> IDEMPOTENCY_KEY.equals(p.getName()));
        if (!present) {
            Parameter key = new HeaderParameter().name(IDEMPOTENCY_KEY).required(false)
                    .description("1 to 200 printable ASCII characters (a UUID is a good one); a repeat of the request "
                            + "with the same key by the same login gets the first answer and changes nothing")
                    .schema(new StringSchema().minLength(1).maxLength(200).pattern("^[\\x20-\\x7E]+$"));
            operation.addParametersItem(key);
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("Idempotency-Replayed", new Header()
                        .description("true when this is the stored answer to an earlier request with the same key")
                        .schema(new StringSchema()._enum(List.of("true"))));
            }
        });
    }

    private static ApiResponse problem(String description, boolean challenge) {
        ApiResponse response = new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        if (challenge) {
            response.addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"forewarn\", Bearer")
                    .schema(new StringSchema()));
        }
        return response;
    }
}
