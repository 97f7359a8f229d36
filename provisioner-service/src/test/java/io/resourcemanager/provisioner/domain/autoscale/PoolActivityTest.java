package io.resourcemanager.provisioner.domain.autoscale;

import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.decommissioning;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.inStatus;
import static io.resourcemanager.provisioner.domain.autoscale.AutoscaleFixtures.provisioning;
import static org.assertj.core.api.Assertions.assertThat;

import io.resourcemanager.provisioner.domain.saga.SagaStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolActivityTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void shouldCountRunningProvisioningsOfThePoolAsJoiningAndTellWhichTheAutoscalerAskedFor() {
        PoolActivity activity = PoolActivity.of("burst", List.of(
                provisioning("burst-a", "burst", "autoscale-burst-up-0", NOW),
                provisioning("burst-b", "burst", "operator-7", NOW),
                inStatus(provisioning("burst-c", "burst", "autoscale-burst-up-0", NOW), SagaStatus.COMPENSATING),
                inStatus(provisioning("burst-d", "burst", "autoscale-burst-up-0", NOW), SagaStatus.SUCCEEDED),
                provisioning("spot-a", "spot", "autoscale-spot-up-0", NOW)));

        assertThat(activity.joining()).containsExactlyInAnyOrder("burst-a", "burst-b");
        assertThat(activity.autoscaleProvisions()).isEqualTo(1);
    }

    @Test
    void shouldCountUnfinishedRemovalsWithoutReplacementAsLeaving() {
        PoolActivity activity = PoolActivity.of("burst", List.of(
                decommissioning("burst-a", "burst", "c1", NOW),
                decommissioning("burst-b", "burst", "c2", NOW).withReplacement("burst-b2"),
                decommissioning("burst-c", "burst", "c3", NOW).waitingUntil(NOW.plusSeconds(300)),
                inStatus(decommissioning("burst-d", "burst", "c4", NOW), SagaStatus.FAILED)));

        assertThat(activity.leaving()).containsExactlyInAnyOrder("burst-a", "burst-c");
    }

    @Test
    void shouldTakeTheLastChangesFromTheLatestSagaOfEachKindWhateverItsOutcome() {
        PoolActivity activity = PoolActivity.of("burst", List.of(
                inStatus(provisioning("burst-a", "burst", "c1", NOW.minusSeconds(900)), SagaStatus.SUCCEEDED),
                inStatus(provisioning("burst-b", "burst", "c2", NOW.minusSeconds(100)), SagaStatus.FAILED),
                inStatus(decommissioning("burst-c", "burst", "c3", NOW.minusSeconds(50)), SagaStatus.SUCCEEDED),
                provisioning("spot-a", "spot", "c4", NOW)));

        assertThat(activity.lastScaleUp()).isEqualTo(NOW.minusSeconds(100));
        assertThat(activity.lastScaleDown()).isEqualTo(NOW.minusSeconds(50));
        assertThat(PoolActivity.of("gpu", List.of()).lastScaleUp()).isNull();
    }
}
