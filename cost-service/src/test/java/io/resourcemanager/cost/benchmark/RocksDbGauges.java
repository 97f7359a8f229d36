package io.resourcemanager.cost.benchmark;

import io.resourcemanager.testkit.benchmark.StoreGauges;

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
        return new RocksDbGauges(StoreGauges.sum(null, "size-all-mem-tables"),
                StoreGauges.sum(null, "block-cache-usage"),
                StoreGauges.sum(null, "estimate-table-readers-mem"),
                StoreGauges.sum(null, "total-sst-files-size"),
                StoreGauges.sum(ROLLUPS, "estimate-num-keys"));
    }

    /** Off-heap memory RocksDB reports: memtables, block caches and table readers. */
    long memoryBytes() {
        return memtableBytes + blockCacheBytes + tableReaderBytes;
    }
}
