package io.resourcemanager.provisioner.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A cluster without metrics-server: the mock API server answers 404 for the metrics API. */
@EnableKubernetesMockClient
class Fabric8ClusterMetricsWithoutMetricsApiTest {

    KubernetesClient client;

    @Test
    void shouldReportNoUsageAndSayItOnlyOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(Fabric8ClusterMetrics.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            Fabric8ClusterMetrics metrics = new Fabric8ClusterMetrics(client);

            assertThat(metrics.nodeUsage()).isEmpty();
            assertThat(metrics.nodeUsage()).isEmpty();
            assertThat(metrics.nodeUsage()).isEmpty();

            assertThat(events.list).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1);
        } finally {
            logger.detachAppender(events);
        }
    }
}
