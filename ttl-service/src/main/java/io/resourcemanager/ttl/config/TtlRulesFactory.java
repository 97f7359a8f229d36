package io.resourcemanager.ttl.config;

import io.micronaut.context.annotation.Factory;
import io.resourcemanager.ttl.domain.Countdowns;
import jakarta.inject.Singleton;

/** The TTL rules of the configured policy. */
@Factory
class TtlRulesFactory {

    @Singleton
    Countdowns countdowns(TtlProperties properties) {
        return new Countdowns(properties.policy());
    }
}
