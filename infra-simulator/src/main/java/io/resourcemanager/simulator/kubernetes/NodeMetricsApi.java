package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsListBuilder;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the resource metrics API ({@code metrics.k8s.io/v1beta1}) as metrics-server serves
 * it: node metrics as last scraped, listed (with an optional equality label selector) or by name.
 * Pod metrics are not served.
 */
public final class NodeMetricsApi {

    /** Group and version of the API. */
    public static final String GROUP_VERSION = "metrics.k8s.io/v1beta1";

    private static final String ROOT = "/apis/" + GROUP_VERSION;
    private static final String NODES = ROOT + "/nodes";

    private volatile Map<String, NodeMetrics> latest = Map.of();

    /** Replaces what the API serves with a fresh scrape. */
    public void publish(Collection<NodeMetrics> scraped) {
        Map<String, NodeMetrics> byName = new LinkedHashMap<>();
        scraped.forEach(metrics -> byName.put(metrics.getMetadata().getName(), metrics));
        latest = Map.copyOf(byName);
    }

    /** Whether {@code request} is a read of this API. */
    boolean handles(RecordedRequest request) {
        String path = pathOf(request);
        return request.method() == HttpMethod.GET && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }

    /** Answers a read of this API (see {@link #handles}). */
    MockResponse serve(RecordedRequest request) {
        String path = pathOf(request);
        Map<String, NodeMetrics> current = latest;
        if (path.equals(ROOT)) {
            return ApiResponses.json(200, new APIResourceListBuilder().withGroupVersion(GROUP_VERSION)
                    .addNewResource().withName("nodes").withKind("NodeMetrics").withNamespaced(false)
                    .withVerbs("get", "list").endResource().build());
        }
        if (path.equals(NODES)) {
            Map<String, String> selector;
            try {
                selector = equalitySelector(request.getPath());
            } catch (IllegalArgumentException e) {
                return ApiResponses.failure(400, "BadRequest", e.getMessage());
            }
            List<NodeMetrics> items = current.values().stream()
                    .filter(metrics -> selected(metrics, selector)).toList();
            return ApiResponses.json(200, new NodeMetricsListBuilder().withMetadata(new ListMeta())
                    .withItems(items).build());
        }
        if (path.startsWith(NODES + "/") && path.indexOf('/', NODES.length() + 1) < 0) {
            String name = path.substring(NODES.length() + 1);
            return Optional.ofNullable(current.get(name)).map(metrics -> ApiResponses.json(200, metrics))
                    .orElseGet(() -> ApiResponses.notFound("metrics.k8s.io", "nodemetrics.metrics.k8s.io", name));
        }
        return ApiResponses.failure(404, "NotFound", "the server could not find the requested resource");
    }

    private static boolean selected(NodeMetrics metrics, Map<String, String> selector) {
        Map<String, String> labels = metrics.getMetadata().getLabels() == null
                ? Map.of() : metrics.getMetadata().getLabels();
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** The {@code key=value} requirements of the request's label selector. */
    private static Map<String, String> equalitySelector(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        if (query < 0) {
            return Map.of();
        }
        Map<String, String> selector = new LinkedHashMap<>();
        Arrays.stream(pathAndQuery.substring(query + 1).split("&"))
                .filter(parameter -> parameter.startsWith("labelSelector="))
                .map(parameter -> URLDecoder.decode(parameter.substring("labelSelector=".length()), StandardCharsets.UTF_8))
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(requirement -> requirement.split("==?", 2))
                .forEach(pair -> {
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("only key=value label selectors are supported");
                    }
                    selector.put(pair[0].trim(), pair[1].trim());
                });
        return selector;
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
