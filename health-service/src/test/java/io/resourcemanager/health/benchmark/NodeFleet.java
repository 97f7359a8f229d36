package io.resourcemanager.health.benchmark;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.resourcemanager.kubernetes.NodeFacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worker nodes as the kubelets would report them: each node's conditions (Ready, MemoryPressure,
 * DiskPressure, PIDPressure) kept here and written to the API server whole, with a fresh heartbeat, by a
 * JSON patch (RFC 6902 {@code replace} of
 * {@code /status/conditions}) of the node's {@code status} subresource (the mock server merges condition lists
 * of a merge patch instead of replacing them). Writes to one node are serialised, so a
 * heartbeat never overtakes a flip. Plain {@code java.net.http}, so no thread of the writer looks like
 * the service's fabric8 client.
 */
final class NodeFleet {

    /** The pool every benchmark node is in. */
    static final String POOL = "permanent";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String apiUrl;
    private final List<NodeState> nodes = new ArrayList<>();

    NodeFleet(String apiUrl, int size) {
        this.apiUrl = apiUrl;
        Instant now = now();
        for (int i = 0; i < size; i++) {
            nodes.add(new NodeState(String.format("worker-%05d", i), now));
        }
    }

    List<NodeState> nodes() {
        return nodes;
    }

    /** Creates node {@code index} in the API server: Ready, no pressure, heartbeat now. */
    void create(int index) throws IOException, InterruptedException {
        NodeState node = nodes.get(index);
        synchronized (node) {
            Node created = new NodeBuilder().withNewMetadata().withName(node.name)
                    .withLabels(Map.of(NodeFacts.POOL_LABEL, POOL)).endMetadata()
                    .withNewStatus().withConditions(node.conditions(now())).endStatus().build();
            send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/nodes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Serialization.asJson(created))).build());
        }
    }

    /** Refreshes the heartbeat of node {@code index} without changing a condition. */
    void heartbeat(int index) throws IOException, InterruptedException {
        NodeState node = nodes.get(index);
        synchronized (node) {
            patch(node, now());
        }
    }

    /**
     * Changes one condition of node {@code index}: every {@code diskEvery}-th change of a node toggles
     * DiskPressure, the others Ready. Returns the change with the wall times around the API call.
     */
    Change flip(int index, int diskEvery) throws IOException, InterruptedException {
        NodeState node = nodes.get(index);
        synchronized (node) {
            Instant sent = now();
            int sequence = node.changes++;
            if (sequence % diskEvery == diskEvery - 1) {
                node.diskPressure = !node.diskPressure;
                node.diskSince = sent;
            } else {
                node.ready = !node.ready;
                node.readySince = sent;
            }
            patch(node, sent);
            return new Change(node.name, sequence, node.ready ? "True" : "False", node.diskPressure ? "True" : "False",
                    sent, Instant.now());
        }
    }

    private void patch(NodeState node, Instant heartbeat) throws IOException, InterruptedException {
        String body = Serialization.asJson(List.of(Map.of("op", "replace", "path", "/status/conditions",
                "value", node.conditions(heartbeat))));
        send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/nodes/" + node.name + "/status"))
                .header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Microseconds are enough; RFC 3339 with a fraction, as the API server writes it. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** One node's conditions as its kubelet holds them. */
    static final class NodeState {

        final String name;
        private final Instant created;
        private boolean ready = true;
        private Instant readySince;
        private boolean diskPressure;
        private Instant diskSince;
        private int changes;

        NodeState(String name, Instant created) {
            this.name = name;
            this.created = created;
            this.readySince = created;
            this.diskSince = created;
        }

        private List<NodeCondition> conditions(Instant heartbeat) {
            return List.of(
                    condition("Ready", ready, ready ? "KubeletReady" : "KubeletNotReady", readySince, heartbeat),
                    condition("MemoryPressure", false, "KubeletHasSufficientMemory", created, heartbeat),
                    condition("DiskPressure", diskPressure, diskPressure ? "KubeletHasDiskPressure"
                            : "KubeletHasNoDiskPressure", diskSince, heartbeat),
                    condition("PIDPressure", false, "KubeletHasSufficientPID", created, heartbeat));
        }

        private static NodeCondition condition(String type, boolean status, String reason, Instant since,
                                               Instant heartbeat) {
            return new NodeConditionBuilder().withType(type).withStatus(status ? "True" : "False").withReason(reason)
                    .withLastTransitionTime(since.toString()).withLastHeartbeatTime(heartbeat.toString()).build();
        }
    }

    /**
     * One condition change as written.
     *
     * @param node the node
     * @param sequence the node's change number, from 0
     * @param ready the Ready status after the change
     * @param diskPressure the DiskPressure status after the change
     * @param sent just before the request was sent
     * @param accepted when the API server's 2xx answer had arrived
     */
    record Change(String node, int sequence, String ready, String diskPressure, Instant sent, Instant accepted) {
    }
}
