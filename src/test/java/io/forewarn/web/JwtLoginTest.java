package io.forewarn.web;

import io.forewarn.server.ForewarnServer;
import io.forewarn.web.security.SecurityConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production logins come from an OIDC provider as bearer JWTs; their {@code roles} claim decides
 * what the caller may do, exactly as the configured logins' roles do.
 */
@SpringBootTest(classes = {ForewarnServer.class, ServerUnderTest.QuickPasswords.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtLoginTest {

    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServerUnderTest.properties(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", JwtLoginTest::publicKeyFile);
    }

    @Test
    void aTokenFromTheProviderActsInTheRolesItsClaimNames() {
        assertThat(get(token(PROVIDER, List.of("oversight")), "/api/v1/obligations")).isEqualTo(200);
        assertThat(get(token(PROVIDER, List.of("analyst")), "/api/v1/reports")).isEqualTo(200);
    }

    @Test
    void aRoleTheMatrixDoesNotAllowIsForbidden() {
        assertThat(get(token(PROVIDER, List.of("partner")), "/api/v1/reports")).isEqualTo(403);
        assertThat(get(token(PROVIDER, List.of()), "/api/v1/reports")).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnyoneElseIsNotALogin() {
        assertThat(get(token(STRANGER, List.of("director")), "/api/v1/reports")).isEqualTo(401);
        assertThat(get("not-a-jwt", "/api/v1/reports")).isEqualTo(401);
    }

    private int get(String token, String path) {
        return Http.get(port, null, path, "Authorization", "Bearer " + token).status();
    }

    private static String token(KeyPair signer, List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("someone@agency.example")
                .claim(SecurityConfiguration.ROLES_CLAIM, roles)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String publicKeyFile() {
        try {
            Path file = Files.createTempFile("provider", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PROVIDER.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
