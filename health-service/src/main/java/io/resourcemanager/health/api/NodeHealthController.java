package io.resourcemanager.health.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.resourcemanager.health.topology.NodeRepairQuery;
import io.resourcemanager.state.NodeRepair;
import io.resourcemanager.state.RepairEpisode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /node-health}: every node's health, symptoms, repair rung, attempts and next action time;
 * {@code GET /node-health/{name}}: one node (404 when unknown). Kept apart from the service's own
 * {@code /health}.
 */
@Controller("/node-health")
class NodeHealthController {

    private final NodeRepairQuery repairs;

    NodeHealthController(NodeRepairQuery repairs) {
        this.repairs = repairs;
    }

    @Get
    List<Map<String, Object>> list() {
        return repairs.all().stream().map(NodeHealthController::view).toList();
    }

    @Get("/{name}")
    HttpResponse<Map<String, Object>> show(@PathVariable String name) {
        return repairs.find(name).map(node -> HttpResponse.ok(view(node)))
                .orElseGet(() -> HttpResponse.<Map<String, Object>>status(HttpStatus.NOT_FOUND)
                        .body(Map.of("status", "error", "error", "Node " + name + " is not known")));
    }

    private static Map<String, Object> view(NodeRepair node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("node", node.getNode());
        view.put("pool", node.getPool());
        view.put("health", node.getHealth().name().toLowerCase(Locale.ROOT));
        Map<String, String> signals = new LinkedHashMap<>();
        node.getSignals().forEach((signal, since) -> signals.put(signal.toLowerCase(Locale.ROOT), since.toString()));
        view.put("signals", signals);
        view.put("kubelet_restarts", node.getKubeletRestarts());
        view.put("deliberate", node.getDeliberate());
        RepairEpisode episode = node.getEpisode();
        view.put("state", state(node));
        view.put("current_rung", episode == null || episode.getAttempts() == 0 ? null
                : episode.getLastLevel().name().toLowerCase(Locale.ROOT));
        view.put("attempts", episode == null ? 0 : episode.getAttempts());
        view.put("repair_in_flight", episode == null ? null : episode.getInFlight());
        view.put("unhealthy_since", episode == null ? null : text(episode.getStartedAt()));
        view.put("last_decision", node.getLastDecision());
        view.put("next_action_at", text(node.getNextCheckAt()));
        return view;
    }

    private static String state(NodeRepair node) {
        RepairEpisode episode = node.getEpisode();
        if (episode == null) {
            return "healthy";
        }
        if (episode.getAbandoned()) {
            return "given-up";
        }
        if (episode.getInFlight() != null) {
            return "repairing";
        }
        return episode.getRecoveredAt() != null ? "recovering" : "unhealthy";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
