package io.resourcemanager.testkit.benchmark;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * RocksDB gauges Kafka Streams publishes over JMX ({@code kafka.streams:type=stream-state-metrics}, one MBean
 * per task and store), summed over tasks: the off-heap memory and disk of the stores of the applications
 * running in this JVM.
 */
public final class StoreGauges {

    private StoreGauges() {
    }

    /**
     * The sum of {@code attribute} (for example {@code size-all-mem-tables}) over the RocksDB stores named
     * {@code store}, or over every RocksDB store when {@code store} is null; 0 when none is open, -1 when
     * JMX cannot be read.
     */
    public static long sum(String store, String attribute) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            long sum = 0;
            for (ObjectName name : server.queryNames(new ObjectName("kafka.streams:type=stream-state-metrics,*"), null)) {
                String state = name.getKeyProperty("rocksdb-state-id");
                if (state != null && (store == null || store.equals(state))) {
                    Object value = server.getAttribute(name, attribute);
                    sum += value instanceof Number number ? number.longValue() : 0;
                }
            }
            return sum;
        } catch (JMException e) {
            return -1;
        }
    }
}
