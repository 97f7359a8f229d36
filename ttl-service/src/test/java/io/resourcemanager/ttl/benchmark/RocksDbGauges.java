package io.resourcemanager.ttl.benchmark;

import io.resourcemanager.testkit.benchmark.StoreGauges;

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
        return new RocksDbGauges(StoreGauges.sum(null, "size-all-mem-tables"),
                StoreGauges.sum(null, "block-cache-usage"),
                StoreGauges.sum(null, "estimate-table-readers-mem"),
                StoreGauges.sum(INDEX, "num-entries-active-mem-table")
                        + StoreGauges.sum(INDEX, "num-entries-imm-mem-tables"),
                StoreGauges.sum(INDEX, "num-deletes-active-mem-table")
                        + StoreGauges.sum(INDEX, "num-deletes-imm-mem-tables"));
    }
}
