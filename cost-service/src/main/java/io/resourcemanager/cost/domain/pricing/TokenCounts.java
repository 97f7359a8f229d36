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
        notNegative("input_tokens", input);
        notNegative("output_tokens", output);
        notNegative("cache_read_tokens", cacheRead);
        notNegative("cache_write_tokens", cacheWrite);
    }

    private static void notNegative(String field, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + count);
        }
    }

    /** All tokens together. */
    public long total() {
        return input + output + cacheRead + cacheWrite;
    }
}
