package ru.utility.ledger.api.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key that wraps every account's data key ({@code ledger.personal-data.master-key}, 32 bytes in
 * base64). Only wrapped data keys are stored; the master key lives in the configuration, never beside them in
 * the database. Its id (the start of a digest) is stored with each wrapped key, so a key wrapped with another
 * master key is reported as such instead of failing as a forgery.
 */
public final class MasterKey {

    static final int BYTES = 32;

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64 of exactly 32 bytes */
    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger.personal-data.master-key is not base64", e);
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("ledger.personal-data.master-key must be " + BYTES
                    + " bytes (base64 of 32 random bytes); it has " + bytes.length);
        }
        MasterKey masterKey = new MasterKey(bytes);
        Arrays.fill(bytes, (byte) 0);
        return masterKey;
    }

    SecretKey key() {
        return key;
    }

    /** Identifies the key without revealing it: 16 hex digits of SHA-256 over a label and the key. */
    public String id() {
        return id;
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("ledger personal-data master key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
