package ru.utility.ledger.api.personaldata;

import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One personal value as an event stores it: AES-256-GCM ciphertext (with its tag) under the account's data key
 * of {@code keyVersion}, and the random 96-bit nonce it was sealed with. In JSON:
 * {@code {"keyVersion":1,"nonce":"<base64>","ciphertext":"<base64>"}}.
 */
public record SealedText(int keyVersion, byte[] nonce, byte[] ciphertext) {

    static final String KEY_VERSION = "keyVersion";
    static final String NONCE = "nonce";
    static final String CIPHERTEXT = "ciphertext";

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(KEY_VERSION, keyVersion);
        node.put(NONCE, Base64.getEncoder().encodeToString(nonce));
        node.put(CIPHERTEXT, Base64.getEncoder().encodeToString(ciphertext));
        return node;
    }

    static boolean isSealed(JsonNode node) {
        return node != null && node.isObject() && node.has(CIPHERTEXT);
    }

    /** @throws IllegalArgumentException when the node is not a sealed value */
    static SealedText fromJson(JsonNode node) {
        if (!isSealed(node) || !node.has(NONCE) || !node.has(KEY_VERSION)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return new SealedText(node.get(KEY_VERSION).asInt(), Base64.getDecoder().decode(node.get(NONCE).asString()),
                Base64.getDecoder().decode(node.get(CIPHERTEXT).asString()));
    }
}
