package io.resourcemanager.cost.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpendTrendTest {

    private static final List<BigDecimal> WEEK_OF_TEN = Collections.nCopies(7, BigDecimal.TEN);

    @Test
    void shouldFlagSpendOverThreeTimesTheSevenDayBaseline() {
        assertThat(SpendTrend.isAnomaly(WEEK_OF_TEN, new BigDecimal("30"))).isFalse();
        assertThat(SpendTrend.isAnomaly(WEEK_OF_TEN, new BigDecimal("30.01"))).isTrue();
        assertThat(SpendTrend.isAnomaly(WEEK_OF_TEN.subList(0, 6), new BigDecimal("1000"))).as("less than a week").isFalse();
        assertThat(SpendTrend.isAnomaly(Collections.nCopies(7, BigDecimal.ZERO), BigDecimal.ONE)).as("no baseline").isFalse();
    }

    @Test
    void shouldForecastAFlatSeriesAsItsAverageAndARisingOneAlongItsLine() {
        assertThat(SpendTrend.forecast(WEEK_OF_TEN, 30)).isEqualByComparingTo("300.00");
        List<BigDecimal> rising = IntStream.rangeClosed(1, 10).mapToObj(BigDecimal::valueOf).toList();
        assertThat(SpendTrend.forecast(rising, 2)).isEqualByComparingTo("23.00");
        assertThat(SpendTrend.forecast(List.of(), 365)).isEqualByComparingTo("0");
    }

    @Test
    void shouldNeverForecastANegativeDay() {
        List<BigDecimal> falling = IntStream.iterate(10, day -> day - 2).limit(5).mapToObj(BigDecimal::valueOf).toList();

        assertThat(SpendTrend.forecast(falling, 10)).isEqualByComparingTo("0.00");
    }
}
