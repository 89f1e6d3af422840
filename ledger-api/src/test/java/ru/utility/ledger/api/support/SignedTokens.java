package ru.utility.ledger.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * JWTs signed with the suite's own key (test resources jwt/), whose public half the test contexts trust: what an
 * OIDC provider would issue, without one.
 */
public final class SignedTokens {

    private SignedTokens() {
    }

    public static String token(String subject, Map<String, Object> claims, Instant expires) {
        return sign(subject, claims, expires, privateKey("jwt/test-signing-key.pem"));
    }

    public static String sign(String subject, Map<String, Object> claims, Instant expires, RSAPrivateKey key) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject(subject).issueTime(java.util.Date.from(
                expires.minusSeconds(3600))).expirationTime(java.util.Date.from(expires));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static RSAPrivateKey privateKey(String resource) {
        try (InputStream in = SignedTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
