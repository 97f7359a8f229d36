package io.resourcemanager.cost;

import io.resourcemanager.kafka.testing.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheDomainFreeOfFrameworksAndAdapters() {
        DomainPurity.check("io.resourcemanager.cost");
    }
}
