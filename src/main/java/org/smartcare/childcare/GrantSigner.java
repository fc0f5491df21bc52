package org.smartcare.childcare;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs camera view tokens with HMAC-SHA256: {@code v1.<base64url(grantId|cameraId|expiresEpochSeconds)>.<base64url
 * mac>}. The video platform verifies the MAC and the expiry with the same secret; nothing else is needed, and no
 * video passes through this service.
 */
@Singleton
public class GrantSigner {

    private static final Logger LOG = LoggerFactory.getLogger(GrantSigner.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    GrantSigner(CameraGrantSettings settings,
                @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String jwtSecret) {
        String secret = settings.getSecret();
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < 32) {
                throw new IllegalStateException("SMARTCARE_CAMERA_GRANT_SECRET must have at least 32 characters");
            }
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        } else {
            // A separate key derived from the JWT secret, so a camera token never verifies as a JWT and back.
            LOG.warn("SMARTCARE_CAMERA_GRANT_SECRET is not set: camera view tokens are signed with a key derived from"
                    + " the JWT secret (run deploy/services up to generate a secret of their own)");
            this.key = mac(jwtSecret.getBytes(StandardCharsets.UTF_8),
                    "smartcare camera view grant key v1".getBytes(StandardCharsets.UTF_8));
        }
    }

    public String sign(UUID grantId, String cameraId, Instant expiresAt) {
        String payload = BASE64.encodeToString((grantId + "|" + cameraId + "|" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        String signed = "v1." + payload;
        return signed + "." + BASE64.encodeToString(mac(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the token carries a valid signature (its expiry is the verifier's to check). */
    public boolean verifies(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        byte[] expected = mac(key, token.substring(0, dot).getBytes(StandardCharsets.UTF_8));
        try {
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.substring(dot + 1)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
