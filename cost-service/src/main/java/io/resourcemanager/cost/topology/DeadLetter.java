package io.resourcemanager.cost.topology;

/** A consumed record's value on its way to the dead-letter topic, byte for byte (the reason rides in headers). */
record DeadLetter(byte[] value) {
}
