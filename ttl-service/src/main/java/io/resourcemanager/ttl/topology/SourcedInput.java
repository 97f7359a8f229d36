package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.ttl.domain.CountdownInput;

/** An input of the countdowns with the header of the event it came from (the cause of what it triggers). */
record SourcedInput(CountdownInput input, EventHeader cause) {
}
