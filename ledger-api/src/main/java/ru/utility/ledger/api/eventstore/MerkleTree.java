package ru.utility.ledger.api.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle root over chain heads that an anchor records. A leaf is SHA-256 of 0x00 and the head's text
 * {@code stream '\n' sequence '\n' hash}; an inner node SHA-256 of 0x01, left and right (the prefixes keep a
 * leaf from passing for an inner node); a node without a partner is carried up unchanged. Leaves are taken in
 * the order given (callers sort them by stream). The root of no leaves is SHA-256 of nothing.
 */
public final class MerkleTree {

    /** One chain head: the newest event of a stream, with its chain hash (hex; "" before the chain existed). */
    public record Head(String stream, long sequence, String hash) {
    }

    private MerkleTree() {
    }

    public static String root(List<Head> heads) {
        if (heads.isEmpty()) {
            return EventHashChain.hex(sha256().digest());
        }
        List<byte[]> level = new ArrayList<>(heads.size());
        for (Head head : heads) {
            MessageDigest digest = sha256();
            digest.update((byte) 0);
            digest.update((head.stream() + "\n" + head.sequence() + "\n" + head.hash())
                    .getBytes(StandardCharsets.UTF_8));
            level.add(digest.digest());
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 == level.size()) {
                    up.add(level.get(i));
                    continue;
                }
                MessageDigest digest = sha256();
                digest.update((byte) 1);
                digest.update(level.get(i));
                digest.update(level.get(i + 1));
                up.add(digest.digest());
            }
            level = up;
        }
        return EventHashChain.hex(level.getFirst());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
