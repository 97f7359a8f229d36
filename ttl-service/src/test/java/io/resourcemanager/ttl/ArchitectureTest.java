package io.resourcemanager.ttl;

import io.resourcemanager.kafka.testing.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheDomainFreeOfFrameworksAndAdapters() {
        DomainPurity.check("io.resourcemanager.ttl");
    }
}
