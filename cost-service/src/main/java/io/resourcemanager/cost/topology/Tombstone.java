package io.resourcemanager.cost.topology;

import io.resourcemanager.topics.Topic;

/** Deletes a key of a compacted topic (a lifted enforcement, a purged hourly rollup). */
record Tombstone(Topic<?> topic) {
}
