package io.resourcemanager.cost.domain.pricing;

/**
 * Tokens one use of a model consumed.
 *
 * @param input input tokens
 * @param output output tokens
 * @param cacheRead tokens read from the prompt cache
 * @param cacheWrite tokens written to the prompt cache
 */
public record TokenCounts(long input, long output, long cacheRead, long cacheWrite) {

    public TokenCounts {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
            throw new IllegalArgumentException("Token counts must not be negative");
        }
    }

    /** All tokens together. */
    public long total() {
        return input + output + cacheRead + cacheWrite;
    }
}
