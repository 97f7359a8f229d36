package io.resourcemanager.simulator.http;

import com.sun.net.httpserver.Headers;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests that reach a handler (as its first filter), whatever their answer. Thread-safe. */
public final class RequestCounter implements RequestFilter {

    private final AtomicLong requests = new AtomicLong();

    @Override
    public void check(String method, Headers headers) {
        requests.incrementAndGet();
    }

    /** Requests counted so far. */
    public long count() {
        return requests.get();
    }
}
