package io.resourcemanager.provisioner.testing;

import java.util.ArrayList;
import java.util.List;

/** The calls that linked fakes received, in the order they arrived. Thread-safe. */
final class CallLog {

    private final List<String> entries = new ArrayList<>();

    synchronized void add(String call) {
        entries.add(call);
    }

    synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
