package io.forewarn.web.security;

import io.forewarn.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer to a logged-in caller that {@link AccessRules} turned away. A request the table names
 * is 403, naming the roles that may make it and nothing else; a path the table knows under other
 * methods is 405 with {@code Allow}; any other path does not exist (404). A caller without a login
 * never gets this far: the entry point answers 401 first, so strangers learn nothing of which paths exist.
 */
public final class AccessRefusal implements AccessDeniedHandler {

    private final JsonMapper json;

    public AccessRefusal(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Optional<AccessRules.Access> access = AccessRules.of(request);
        if (access.isPresent()) {
            ProblemWriter.write(response, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail(access.get()), false);
            return;
        }
        Set<HttpMethod> allowed = AccessRules.methodsFor(request);
        if (allowed.isEmpty()) {
            ProblemWriter.write(response, json, HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "nothing answers here; the API is described at /v3/api-docs", false);
            return;
        }
        String methods = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        response.setHeader(HttpHeaders.ALLOW, methods);
        ProblemWriter.write(response, json, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "this resource answers " + methods + " only", false);
    }

    /** Why a request was refused, for a refusal the controllers make themselves; the same words as above. */
    public static String detail(HttpServletRequest request) {
        return AccessRules.of(request).map(AccessRefusal::detail).orElse("no role may do this");
    }

    private static String detail(AccessRules.Access access) {
        return "your roles do not allow this; it needs one of: " + access.roleCodes();
    }
}
