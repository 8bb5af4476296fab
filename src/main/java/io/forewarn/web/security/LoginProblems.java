package io.forewarn.web.security;

import io.forewarn.web.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/** The answers to a login refused: 401 for a wrong password or a bad token, 429 with Retry-After for a lock-out. */
final class LoginProblems {

    private LoginProblems() {
    }

    /** HTTP Basic: 429 while the name or address is locked out, else 401. */
    static AuthenticationEntryPoint password(JsonMapper json) {
        AuthenticationEntryPoint unauthenticated = ProblemWriter.unauthenticated(json);
        return (request, response, failure) -> {
            if (failure instanceof TooManyFailedLogins locked) {
                long seconds = Math.max(1, (locked.lockout().retryAfter().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                ProblemWriter.write(response, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
                        "Too many failed logins", "too many failed logins for " + locked.lockout().scope().phrase
                                + "; try again in " + seconds + " s", false);
                return;
            }
            unauthenticated.commence(request, response, failure);
        };
    }

    /** A bearer token that is not a login (any more): 401, whatever the reason, which is not told. */
    static AuthenticationEntryPoint token(JsonMapper json) {
        return (request, response, failure) -> ProblemWriter.write(response, json, HttpStatus.UNAUTHORIZED, "invalid-token",
                "Invalid bearer token", "the bearer token is not valid, has expired or was revoked; get a new one with "
                        + "POST /api/v1/tokens", true);
    }
}
