package io.resourcemanager.cost.topology;

import io.resourcemanager.cost.domain.metering.Usage;
import io.resourcemanager.cost.domain.pricing.TokenCounts;
import io.resourcemanager.events.TokenType;
import io.resourcemanager.events.UsageKind;
import io.resourcemanager.events.UsageRecorded;

/** Reads {@code UsageRecorded} as domain usage. */
final class UsageRecords {

    private UsageRecords() {
    }

    /**
     * The usage {@code recorded} reports. Token usage gives its counts per type; the older form — one
     * {@code token_type} with the count in {@code quantity} — is read as that count of that type.
     *
     * @throws IllegalArgumentException naming the field when a count is negative
     */
    static Usage toUsage(UsageRecorded recorded) {
        return new Usage(recorded.getKind() == null ? null : recorded.getKind().name(), recorded.getQuantity(),
                recorded.getKind() == UsageKind.TOKENS ? tokens(recorded) : null,
                recorded.getDivision(), recorded.getProject(), recorded.getJobId(), recorded.getPool(),
                recorded.getTemplate(), recorded.getModel(), recorded.getAgent(), recorded.getPeriodEnd());
    }

    private static TokenCounts tokens(UsageRecorded recorded) {
        long input = recorded.getInputTokens();
        long output = recorded.getOutputTokens();
        long cacheRead = recorded.getCacheReadTokens();
        long cacheWrite = recorded.getCacheWriteTokens();
        TokenType single = recorded.getTokenType();
        if (input == 0 && output == 0 && cacheRead == 0 && cacheWrite == 0 && single != null
                && single != TokenType.UNKNOWN) {
            double quantity = recorded.getQuantity();
            if (!Double.isFinite(quantity) || quantity < 0 || quantity != Math.rint(quantity)) {
                throw new IllegalArgumentException("quantity must be a whole number of tokens not below 0, was " + quantity);
            }
            long count = (long) quantity;
            return new TokenCounts(single == TokenType.INPUT ? count : 0, single == TokenType.OUTPUT ? count : 0,
                    single == TokenType.CACHE_READ ? count : 0, single == TokenType.CACHE_WRITE ? count : 0);
        }
        return new TokenCounts(input, output, cacheRead, cacheWrite);
    }
}
