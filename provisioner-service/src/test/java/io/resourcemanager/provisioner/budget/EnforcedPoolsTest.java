package io.resourcemanager.provisioner.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnforcedPoolsTest {

    private final EnforcedPools pools = new EnforcedPools();

    @Test
    void shouldRefuseEveryScaleUpUntilTheEnforcementsWereRead() {
        assertThat(pools.ready()).isFalse();
        assertThat(pools.refusal("burst")).hasValueSatisfying(reason -> assertThat(reason).contains("still being read"));

        pools.caughtUp();

        assertThat(pools.ready()).isTrue();
        assertThat(pools.refusal("burst")).isEmpty();
    }

    @Test
    void shouldBlockAPoolWhileAnyBudgetNamingItIsEnforced() {
        pools.caughtUp();
        pools.enforce("pool-burst-monthly", "burst", "Budget pool-burst-monthly is exhausted");
        pools.enforce("pool-burst-event", "burst", "Budget pool-burst-event is exhausted");
        pools.enforce("division-security-tokens", null, "Budget division-security-tokens is exhausted");

        assertThat(pools.refusal("burst")).hasValue("Budget pool-burst-event is exhausted");
        assertThat(pools.refusal("spot")).isEmpty();

        pools.lift("pool-burst-event");

        assertThat(pools.refusal("burst")).hasValue("Budget pool-burst-monthly is exhausted");

        pools.lift("pool-burst-monthly");

        assertThat(pools.refusal("burst")).isEmpty();
    }

    @Test
    void shouldFollowABudgetThatNoLongerNamesThePool() {
        pools.caughtUp();
        pools.enforce("pool-burst-monthly", "burst", "Budget pool-burst-monthly is exhausted");

        pools.enforce("pool-burst-monthly", "spot", "Budget pool-burst-monthly is exhausted");

        assertThat(pools.refusal("burst")).isEmpty();
        assertThat(pools.refusal("spot")).isPresent();
    }
}
