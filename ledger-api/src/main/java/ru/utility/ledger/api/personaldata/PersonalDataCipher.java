package ru.utility.ledger.api.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK, for values (under an account's data key) and for data keys (under the master key).
 * Every encryption takes a fresh random 96-bit nonce; the associated data binds a ciphertext to its account and
 * field, so a value copied into another account or field does not open.
 */
public class PersonalDataCipher {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AES_GCM = "AES/GCM/NoPadding";

    private final SecureRandom random;

    public PersonalDataCipher(SecureRandom random) {
        this.random = random;
    }

    public byte[] newDataKey() {
        byte[] key = new byte[MasterKey.BYTES];
        random.nextBytes(key);
        return key;
    }

    public SealedText seal(byte[] dataKey, int keyVersion, String clear, String associatedData) {
        byte[] nonce = nonce();
        byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), nonce,
                clear.getBytes(StandardCharsets.UTF_8), associatedData);
        return new SealedText(keyVersion, nonce, ciphertext);
    }

    /** @throws GeneralSecurityException when the value does not open with this key (forged, or another key) */
    public String open(byte[] dataKey, SealedText sealed, String associatedData) throws GeneralSecurityException {
        byte[] clear = decrypt(new SecretKeySpec(dataKey, "AES"), sealed.nonce(), sealed.ciphertext(), associatedData);
        return new String(clear, StandardCharsets.UTF_8);
    }

    /** The data key under the master key: nonce followed by ciphertext and tag. */
    public byte[] wrap(MasterKey master, byte[] dataKey, String accountId) {
        byte[] nonce = nonce();
        byte[] ciphertext = encrypt(master.key(), nonce, dataKey, "data key " + accountId);
        byte[] wrapped = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, wrapped, NONCE_BYTES, ciphertext.length);
        return wrapped;
    }

    public byte[] unwrap(MasterKey master, byte[] wrapped, String accountId) throws GeneralSecurityException {
        return decrypt(master.key(), Arrays.copyOf(wrapped, NONCE_BYTES),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length), "data key " + accountId);
    }

    protected byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] encrypt(SecretKey key, byte[] nonce, byte[] clear, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java platform", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] nonce, byte[] ciphertext, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(AES_GCM);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ciphertext);
    }
}
