package io.forewarn.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.forewarn.policy.Role;
import io.forewarn.store.JdbcRevokedTokens;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forewarn's own bearer tokens: JWTs signed with HMAC-SHA-256 under the server's key ({@link TokenKey}),
 * issued to a login that gave its password, valid for {@code forewarn.tokens.lifetime}. Claims: {@code iss}
 * {@value #ISSUER}, {@code sub} the login name, {@code roles} its roles, {@code jti} a random id,
 * {@code iat}, {@code exp}, and {@value #LOGIN_CLAIM}: an HMAC, under the same key, of the login's
 * password hash and roles as they were at issue.
 *
 * <p>A token is accepted while its signature, issuer and times hold, its login still has the same
 * password hash and roles (else its {@value #LOGIN_CLAIM} differs: a password or role change ends every
 * token of that login, on every node that reads the same logins) and its id is not in the revoked table
 * shared by the nodes ({@link JdbcRevokedTokens}). That table is read by primary key on every request;
 * everything else is in memory.
 */
final class ForewarnTokens {

    static final String ISSUER = "forewarn";
    static final String LOGIN_CLAIM = "login";
    /** Nodes' clocks may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** Tokens remembered as verified, at most. */
    static final int VERIFIED_KEPT = 10_000;

    /** A token as handed out: its compact form, when it was issued and when it expires. */
    record Issued(String token, Instant issuedAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expires " + expiresAt + "]";
        }
    }

    private final SecretKey key;
    private final Logins logins;
    private final JdbcRevokedTokens revoked;
    private final Duration lifetime;
    private final Clock clock;
    private final JwtEncoder encoder;
    private final MACVerifier verifier;
    /** Each login's digest, made once per login as it is in force. */
    private final Map<Login, String> digests = new ConcurrentHashMap<>();
    /** Tokens whose signature verified, so that a token is parsed and verified once, not on every request. */
    private final Cache<String, Jwt> verified;

    ForewarnTokens(SecretKey key, Logins logins, JdbcRevokedTokens revoked, Duration lifetime, Clock clock) {
        this.key = key;
        this.logins = logins;
        this.revoked = revoked;
        this.lifetime = lifetime;
        this.clock = clock;
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        try {
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the token key cannot check HS256 signatures: " + e.getMessage(), e);
        }
        this.verified = Caffeine.newBuilder().maximumSize(VERIFIED_KEPT).expireAfterWrite(lifetime.plus(CLOCK_SKEW)).build();
        logins.onChange(name -> digests.keySet().removeIf(login -> login.name().equals(name)));
    }

    Issued issue(Login login) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(login.name())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(SecurityConfiguration.ROLES_CLAIM, login.roles().stream().sorted().map(Role::code).toList())
                .claim(LOGIN_CLAIM, digest(login))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, now, expires);
    }

    /**
     * The decoder of every bearer token: this server's own, checked here, and, when an OIDC provider is
     * configured, anyone else's, checked by {@code external}; without one, only this server's tokens are logins.
     *
     * <p>This server's tokens are parsed and their signature verified with Nimbus directly rather than through
     * Spring's generic {@code NimbusJwtDecoder}, which took about four times as long per token (key selection
     * and claim conversion on every request), and only the first time a token is seen: a verified token is
     * remembered (at most {@value #VERIFIED_KEPT}, for its lifetime). Its times, its login and its revocation
     * are checked on every request.
     */
    JwtDecoder decoder(Optional<JwtDecoder> external) {
        return token -> {
            Jwt signed = verified.getIfPresent(token);
            if (signed == null) {
                JWT parsed;
                JWTClaimsSet claims;
                try {
                    parsed = JWTParser.parse(token);
                    claims = parsed.getJWTClaimsSet();
                } catch (ParseException notAJwt) {
                    throw new BadJwtException("not a JWT");
                }
                if (claims == null || !ISSUER.equals(claims.getIssuer())) {
                    return external.orElseThrow(() -> new BadJwtException("not a token of this server")).decode(token);
                }
                if (!(parsed instanceof SignedJWT jws) || !JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())
                        || !verifies(jws)) {
                    throw new BadJwtException("the token's signature does not verify");
                }
                signed = jwt(token, jws, claims);
                verified.put(token, signed);
            }
            return accepted(signed);
        };
    }

    boolean issuedHere(Jwt token) {
        return ISSUER.equals(token.getClaimAsString("iss"));
    }

    /** Refuses this token from now on, on every node that shares the database, until it expires. */
    void revoke(Jwt token) {
        Instant now = clock.instant();
        revoked.revoke(token.getId(), token.getSubject(), token.getExpiresAt(), now);
        revoked.purge(now.minus(CLOCK_SKEW));
    }

    private boolean verifies(SignedJWT signed) {
        try {
            return signed.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The token's content, once its signature verified: what every later request checks. */
    private static Jwt jwt(String token, SignedJWT signed, JWTClaimsSet claims) {
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        Object digest = claims.getClaim(LOGIN_CLAIM);
        if (issued == null || expires == null || claims.getJWTID() == null || claims.getSubject() == null
                || !(digest instanceof String)) {
            throw new BadJwtException("the token lacks iat, exp, jti, sub or login");
        }
        List<String> roles;
        try {
            roles = claims.getStringListClaim(SecurityConfiguration.ROLES_CLAIM);
        } catch (ParseException notAList) {
            throw new BadJwtException("the token's roles are not a list of names");
        }
        return Jwt.withTokenValue(token)
                .headers(headers -> headers.putAll(signed.getHeader().toJSONObject()))
                .issuer(ISSUER)
                .subject(claims.getSubject())
                .jti(claims.getJWTID())
                .issuedAt(issued.toInstant())
                .expiresAt(expires.toInstant())
                .claim(SecurityConfiguration.ROLES_CLAIM, roles == null ? List.of() : roles)
                .claim(LOGIN_CLAIM, digest)
                .build();
    }

    /** The token as a login, if its times hold, its login is unchanged and it is not revoked; the cheapest checks first. */
    private Jwt accepted(Jwt token) {
        Instant now = clock.instant();
        if (!now.isBefore(token.getExpiresAt().plus(CLOCK_SKEW)) || now.isBefore(token.getIssuedAt().minus(CLOCK_SKEW))) {
            throw new BadJwtException("the token has expired or is not valid yet");
        }
        String claimed = token.getClaimAsString(LOGIN_CLAIM);
        boolean same = logins.find(token.getSubject())
                .map(login -> MessageDigest.isEqual(digest(login).getBytes(StandardCharsets.US_ASCII),
                        claimed.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
        if (!same) {
            throw new BadJwtException("the login's password or roles changed since the token was issued, or the login is gone");
        }
        if (revoked.isRevoked(token.getId())) {
            throw new BadJwtException("the token was revoked");
        }
        return token;
    }

    /** HMAC of the login's name, password hash and roles, 128 bits in base64url: reveals nothing of the hash. */
    private String digest(Login login) {
        return digests.computeIfAbsent(login, this::hmac);
    }

    private String hmac(Login login) {
        String message = login.name() + '\n' + login.passwordHash() + '\n'
                + String.join(",", login.roles().stream().sorted().map(Role::code).toList());
        try {
            Mac mac = Mac.getInstance(TokenKey.ALGORITHM);
            mac.init(key);
            byte[] full = mac.doFinal(("forewarn token login\n" + message).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TokenKey.ALGORITHM + " is unavailable", e);
        }
    }
}
