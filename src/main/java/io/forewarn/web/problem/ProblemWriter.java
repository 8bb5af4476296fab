package io.forewarn.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem details written by the security filters, which answer before any controller is reached. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static AuthenticationEntryPoint unauthenticated(JsonMapper json) {
        return (request, response, failure) -> write(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", "log in to use the Forewarn API", true);
    }

  public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String title,
                      String detail, boolean challenge) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"forewarn\", Bearer");
        }
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
