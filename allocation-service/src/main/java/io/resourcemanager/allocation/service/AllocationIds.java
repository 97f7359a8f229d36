package io.resourcemanager.allocation.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Allocation ids: {@code alloc-} and 12 lower-case hex digits. */
final class AllocationIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AllocationIds() {
    }

    /**
     * The id for a request: derived from the caller's request id when there is one (so a retried
     * request finds its first outcome), random otherwise.
     */
    static String forRequest(String requestId) {
        byte[] bytes = new byte[6];
        if (requestId == null) {
            RANDOM.nextBytes(bytes);
        } else {
            System.arraycopy(sha256(requestId), 0, bytes, 0, bytes.length);
        }
        return "alloc-" + HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
