package io.forewarn.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a JSON answer has the shape the OpenAPI document gives it: every key of an object is a
 * property of its schema, a string is one of the values its schema lists (if it lists them), every
 * required property is there, arrays hold what their items say, a
 * oneOf matches one of its schemas, and scalars have their type. Null is taken for any value (the
 * document does not yet say which fields may be null).
 */
final class SchemaConformance {

    private final OpenAPI api;

    SchemaConformance(OpenAPI api) {
        this.api = api;
    }

    /** What is wrong with {@code reply} as the answer of {@code method template}; empty when nothing is. */
    List<String> problems(String method, String template, Http.Reply reply) {
        PathItem item = api.getPaths().get(template);
        if (item == null) {
            return List.of("no path " + template);
        }
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
        if (operation == null) {
            return List.of("no operation " + method + " " + template);
        }
        ApiResponse response = operation.getResponses().get(String.valueOf(reply.status()));
        if (response == null) {
            return List.of(method + " " + template + " does not document status " + reply.status());
        }
        String type = reply.contentType().split(";")[0].strip();
        MediaType media = response.getContent() == null ? null : response.getContent().get(type);
        if (media == null) {
            return List.of(method + " " + template + " " + reply.status() + " does not document " + type);
        }
        List<String> problems = new ArrayList<>();
        check(media.getSchema(), reply.json(), method + " " + template + " " + reply.status(), problems);
        return problems;
    }

    private void check(Schema<?> schema, JsonNode value, String at, List<String> problems) {
        Schema<?> resolved = resolve(schema);
        if (value.isNull()) {
            return;
        }
        if (resolved.getOneOf() != null) {
            for (Schema<?> choice : resolved.getOneOf()) {
                List<String> inner = new ArrayList<>();
                check(choice, value, at, inner);
                if (inner.isEmpty()) {
                    return;
                }
            }
            problems.add(at + ": matches none of its oneOf");
            return;
        }
        String type = type(resolved);
        if (type == null && resolved.getProperties() != null) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + ": expected an object");
                    return;
                }
                Map<String, Schema> properties = resolved.getProperties();
                for (String key : value.propertyNames()) {
                    if (properties != null && properties.containsKey(key)) {
                        check(properties.get(key), value.get(key), at + "." + key, problems);
                    } else if (resolved.getAdditionalProperties() instanceof Schema<?> extra) {
                        check(extra, value.get(key), at + "." + key, problems);
                    } else if (properties != null || Boolean.FALSE.equals(resolved.getAdditionalProperties())) {
                        problems.add(at + ": key '" + key + "' is not in the schema");
                    }
                }
                if (resolved.getRequired() != null) {
                    for (String required : resolved.getRequired()) {
                        if (!value.has(required)) {
                            problems.add(at + ": required '" + required + "' is missing");
                        }
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    check(resolved.getItems(), item, at + "[" + i++ + "]", problems);
                }
            }
            case "string" -> {
                expect(value.isString(), at, "a string", problems);
                if (resolved.getEnum() != null && !resolved.getEnum().contains(value.asString())) {
                    problems.add(at + ": '" + value.asString() + "' is not one of " + resolved.getEnum());
                }
            }
            case "integer" -> expect(value.isIntegralNumber(), at, "an integer", problems);
            case "number" -> expect(value.isNumber(), at, "a number", problems);
            case "boolean" -> expect(value.isBoolean(), at, "a boolean", problems);
            default -> problems.add(at + ": unknown type " + type);
        }
    }

    private static void expect(boolean ok, String at, String what, List<String> problems) {
        if (!ok) {
            problems.add(at + ": expected " + what);
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        while (current.get$ref() != null) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = api.getComponents().getSchemas().get(name);
        }
        return current;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        Set<String> types = schema.getTypes();
        return types == null ? null : types.stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
    }
}
