package io.resourcemanager.ttl.benchmark;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * RocksDB's own figures for the application's stores, as Kafka Streams publishes them over JMX
 * ({@code kafka.streams:type=stream-state-metrics}, one MBean per task and store), summed over tasks:
 * the off-heap memory of memtables and block caches, and how many entries and deletions (tombstones)
 * of the deadline index still sit in memtables, where a range scan has to step over them.
 *
 * @param memtableBytes {@code size-all-mem-tables} of every store
 * @param blockCacheBytes {@code block-cache-usage} of every store
 * @param tableReaderBytes {@code estimate-table-readers-mem} of every store
 * @param indexEntries {@code num-entries-*-mem-table(s)} of the deadline index (puts and deletes)
 * @param indexDeletes {@code num-deletes-*-mem-table(s)} of the deadline index
 */
record RocksDbGauges(long memtableBytes, long blockCacheBytes, long tableReaderBytes, long indexEntries,
                     long indexDeletes) {

    private static final String INDEX = "deadline-index";

    /** The gauges now; all zero when no store is open. */
    static RocksDbGauges read() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName stores = new ObjectName("kafka.streams:type=stream-state-metrics,*");
            return new RocksDbGauges(sum(server, stores, null, "size-all-mem-tables"),
                    sum(server, stores, null, "block-cache-usage"),
                    sum(server, stores, null, "estimate-table-readers-mem"),
                    sum(server, stores, INDEX, "num-entries-active-mem-table")
                            + sum(server, stores, INDEX, "num-entries-imm-mem-tables"),
                    sum(server, stores, INDEX, "num-deletes-active-mem-table")
                            + sum(server, stores, INDEX, "num-deletes-imm-mem-tables"));
        } catch (JMException e) {
            return new RocksDbGauges(-1, -1, -1, -1, -1);
        }
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
