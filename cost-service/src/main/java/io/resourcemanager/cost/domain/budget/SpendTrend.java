package io.resourcemanager.cost.domain.budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** Anomalies and forecasts from a daily spend series (oldest first). */
public final class SpendTrend {

    private static final int BASELINE_DAYS = 7;
    private static final BigDecimal ANOMALY_FACTOR = BigDecimal.valueOf(3);

    private SpendTrend() {
    }

    /**
     * Whether {@code today} is an anomaly: more than 3× the average of the 7 days before it. Without a full
     * week of history, or with a baseline of zero, nothing is an anomaly yet (there is nothing to compare).
     */
    public static boolean isAnomaly(List<BigDecimal> previousDays, BigDecimal today) {
        if (previousDays.size() < BASELINE_DAYS) {
            return false;
        }
        BigDecimal baseline = average(previousDays.subList(previousDays.size() - BASELINE_DAYS, previousDays.size()));
        return baseline.signum() > 0 && today.compareTo(baseline.multiply(ANOMALY_FACTOR)) > 0;
    }

    /**
     * The spend expected over the next {@code days}: a least-squares line through the daily series,
     * summed over the coming days and never below zero a day. An empty series forecasts nothing.
     */
    public static BigDecimal forecast(List<BigDecimal> daily, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        int n = daily.size();
        if (n == 0 || days == 0) {
            return BigDecimal.ZERO;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = daily.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int x = 0; x < n; x++) {
            covariance += (x - meanX) * (daily.get(x).doubleValue() - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        double total = 0;
        for (int ahead = 1; ahead <= days; ahead++) {
            total += Math.max(0, meanY + slope * (n - 1 + ahead - meanX));
        }
        return BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
    }
}
