package io.resourcemanager.cost.benchmark;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * RocksDB's own figures for the application's stores, as Kafka Streams publishes them over JMX
 * ({@code kafka.streams:type=stream-state-metrics}, one MBean per task and store), summed over tasks and
 * stores: off-heap memory of memtables, block caches and table readers, SST files on disk, and the
 * estimated entries of the rollups store.
 *
 * @param memtableBytes {@code size-all-mem-tables}
 * @param blockCacheBytes {@code block-cache-usage} (the stores of one application share no cache: summed)
 * @param tableReaderBytes {@code estimate-table-readers-mem}
 * @param sstBytes {@code total-sst-files-size}
 * @param rollupKeys {@code estimate-num-keys} of the {@code cost-rollups} store
 */
record RocksDbGauges(long memtableBytes, long blockCacheBytes, long tableReaderBytes, long sstBytes,
                     long rollupKeys) {

    private static final String ROLLUPS = "cost-rollups";

    /** The gauges now; all zero when no store is open. */
    static RocksDbGauges read() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName stores = new ObjectName("kafka.streams:type=stream-state-metrics,*");
            return new RocksDbGauges(sum(server, stores, null, "size-all-mem-tables"),
                    sum(server, stores, null, "block-cache-usage"),
                    sum(server, stores, null, "estimate-table-readers-mem"),
                    sum(server, stores, null, "total-sst-files-size"),
                    sum(server, stores, ROLLUPS, "estimate-num-keys"));
        } catch (JMException e) {
            return new RocksDbGauges(-1, -1, -1, -1, -1);
        }
    }

    /** Off-heap memory RocksDB reports: memtables, block caches and table readers. */
    long memoryBytes() {
        return memtableBytes + blockCacheBytes + tableReaderBytes;
    }

    /** Sums {@code attribute} over the stores named {@code store} (every RocksDB store when null). */
    private static long sum(MBeanServer server, ObjectName pattern, String store, String attribute)
            throws JMException {
        long sum = 0;
        for (ObjectName name : server.queryNames(pattern, null)) {
            String state = name.getKeyProperty("rocksdb-state-id");
            if (state != null && (store == null || store.equals(state))) {
                Object value = server.getAttribute(name, attribute);
                sum += value instanceof Number number ? number.longValue() : 0;
            }
        }
        return sum;
    }
}
