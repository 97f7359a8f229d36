package io.resourcemanager.cost.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Priced usage: what it cost at internal and external (marked-up) rates in millionths of a dollar, the
 * part of a node's cost no allocation held (idle), tokens, and the quantity per usage kind.
 */
public record Cost(long internalMicros, long externalMicros, long idleMicros, long tokens, Map<String, Double> usage) {

    public static final Cost ZERO = new Cost(0, 0, 0, 0, Map.of());

    public static final String NODE_HOURS = "node_hours";
    public static final String CPU_CORE_HOURS = "cpu_core_hours";
    public static final String MEMORY_GB_HOURS = "memory_gb_hours";
    public static final String GPU_HOURS = "gpu_hours";
    public static final String INPUT_TOKENS = "input_tokens";
    public static final String OUTPUT_TOKENS = "output_tokens";
    public static final String CACHE_READ_TOKENS = "cache_read_tokens";
    public static final String CACHE_WRITE_TOKENS = "cache_write_tokens";

    private static final BigDecimal MICROS_PER_DOLLAR = BigDecimal.valueOf(1_000_000);

    public Cost {
        if (internalMicros < 0 || externalMicros < 0 || idleMicros < 0 || tokens < 0) {
            throw new IllegalArgumentException("Costs and tokens must not be negative");
        }
        usage = Map.copyOf(usage);
    }

    /** Dollars in whole millionths, rounded half up. */
    public static long micros(BigDecimal dollars) {
        return dollars.multiply(MICROS_PER_DOLLAR).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Millionths of a dollar in dollars. */
    public static BigDecimal dollars(long micros) {
        return BigDecimal.valueOf(micros).divide(MICROS_PER_DOLLAR).setScale(6, RoundingMode.UNNECESSARY);
    }

    /** Both together. */
    public Cost plus(Cost other) {
        Map<String, Double> sum = new TreeMap<>(usage);
        other.usage.forEach((kind, quantity) -> sum.merge(kind, quantity, Double::sum));
        return new Cost(internalMicros + other.internalMicros, externalMicros + other.externalMicros,
                idleMicros + other.idleMicros, tokens + other.tokens, sum);
    }
}
