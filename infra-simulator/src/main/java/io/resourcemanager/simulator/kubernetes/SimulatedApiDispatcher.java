package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.Map;
import java.util.Queue;

/**
 * The request routing of the simulated API server: a recorded expectation wins (as in fabric8's mixed
 * mode); then the parts the CRUD store does not implement: the pod eviction subresource, the
 * resource metrics API and pod lists by node or phase; everything else is plain CRUD on the store.
 */
final class SimulatedApiDispatcher extends Dispatcher {

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;
    private final KubernetesCrudDispatcher store;
    private final PodEvictions evictions;
    private final NodeMetricsApi metrics;

    SimulatedApiDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, NodeMetricsApi metrics) {
        this.expectations = expectations;
        this.expected = new MockDispatcher(expectations);
        this.store = new KubernetesCrudDispatcher();
        this.evictions = new PodEvictions(new ObjectStore(store));
        this.metrics = metrics;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> queued = expectations.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()),
                request.getPath()));
        if (queued != null && !queued.isEmpty()) {
            return expected.dispatch(request);
        }
        if (evictions.handles(request)) {
            return evictions.evict(request);
        }
        if (metrics.handles(request)) {
            return metrics.serve(request);
        }
        if (PodFieldSelectors.handles(request)) {
            return PodFieldSelectors.list(request, store);
        }
        return store.dispatch(request);
    }

    @Override
    public void shutdown() {
        expected.shutdown();
        store.shutdown();
    }
}
