package io.resourcemanager.allocation.ledger;

import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.topology.LedgerTopology;
import io.resourcemanager.kafka.KafkaProperties;
import io.resourcemanager.kafka.RegistryEventSerdes;
import io.resourcemanager.kafka.StreamsApp;
import io.resourcemanager.topics.RegistrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Runs only the ledger topology in its own JVM, so a test can kill it without warning.
 * Arguments: bootstrap servers, registry base address, application id, state directory.
 */
public final class LedgerProcessMain {

    private LedgerProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaProperties kafka = new KafkaProperties(args[0], args[3], Duration.ofSeconds(3), (short) 1, false,
                Duration.ofSeconds(10));
        LedgerTopology topology = new LedgerTopology(LedgerSettings.defaults(), Clock.systemUTC());
        StreamsApp.start(args[2], topology.build(new StreamsBuilder(),
                new RegistryEventSerdes(RegistrySettings.atBaseAddress(args[1]))), kafka);
        new CountDownLatch(1).await();
    }
}
