package io.forewarn.web.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.forewarn.web.problem.NotFound;
import io.forewarn.web.problem.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * {@code POST /api/v1/tokens}: a bearer token for the login whose password the request gives (HTTP Basic);
 * {@code DELETE /api/v1/tokens/current}: logout, the token the request carries is refused from then on.
 * A token cannot get another: a new one needs the password again.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    /** The answer of RFC 6749, 5.1, which OAuth clients and scripts already read. */
    record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "TokenAnswer[" + tokenType + ", expires in " + expiresIn + " s]";
        }
    }

    private final ForewarnTokens tokens;
    private final Logins logins;

    TokenController(ForewarnTokens tokens, Logins logins) {
        this.tokens = tokens;
        this.logins = logins;
    }

    @PostMapping
    ResponseEntity<?> issue(Authentication caller) {
        if (!(caller instanceof UsernamePasswordAuthenticationToken)) {
            return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "token-needs-password", "Password required",
                    "a token is issued for a login name and password (HTTP Basic), not for another token"));
        }
        Login login = logins.find(caller.getName()).orElseThrow(() -> new NotFound("the login is gone"));
        ForewarnTokens.Issued issued = tokens.issue(login);
        long seconds = Duration.between(issued.issuedAt(), issued.expiresAt()).toSeconds();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenAnswer(issued.token(), "Bearer", seconds));
    }

    @DeleteMapping("/current")
    ResponseEntity<?> logout(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken bearer) || !tokens.issuedHere(bearer.getToken())) {
            return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "no-token", "No Forewarn token",
                    "this request carries no token issued by this server; send the token to revoke as its bearer"));
        }
        tokens.revoke(bearer.getToken());
        return ResponseEntity.noContent().build();
    }
}
