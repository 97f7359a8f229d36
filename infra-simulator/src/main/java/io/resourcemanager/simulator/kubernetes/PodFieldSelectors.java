package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The pod field selectors the API server supports beyond {@code metadata.name}: {@code spec.nodeName}
 * and {@code status.phase} ({@code =}, {@code ==}, {@code !=}), on pod lists (not watches). The CRUD store
 * would match them against nothing; here they are taken out of the query, the store lists, and the list
 * is filtered. A pod without status counts as {@code Pending}, the phase the API server gives a new pod.
 */
final class PodFieldSelectors {

    private static final Pattern POD_LIST = Pattern.compile("^/api/v1/(?:namespaces/[^/]+/)?pods$");
    private static final List<String> FIELDS = List.of("spec.nodeName", "status.phase");

    private PodFieldSelectors() {
    }

    /** Whether {@code request} lists pods by a field this class evaluates. */
    static boolean handles(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        return request.method() == HttpMethod.GET && query > 0 && POD_LIST.matcher(path.substring(0, query)).matches()
                && !path.contains("watch=true") && !requirements(path.substring(query + 1)).isEmpty();
    }

    /** Lists through {@code store} without the handled requirements, then applies them. */
    static MockResponse list(RecordedRequest request, Dispatcher store) {
        String path = request.getPath();
        int query = path.indexOf('?');
        List<String> requirements = requirements(path.substring(query + 1));
        String remaining = withoutRequirements(path.substring(query + 1));
        MockResponse response = store.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(),
                path.substring(0, query) + (remaining.isEmpty() ? "" : "?" + remaining), request.getHeaders(),
                request.getBody()));
        if (response.code() != 200) {
            return response;
        }
        PodList pods = Serialization.unmarshal(response.getBody().readUtf8(), PodList.class);
        pods.setItems(pods.getItems().stream().filter(pod -> requirements.stream().allMatch(r -> matches(r, pod)))
                .toList());
        return ApiResponses.json(200, pods);
    }

    private static boolean matches(String requirement, Pod pod) {
        boolean negated = requirement.contains("!=");
        String[] parts = requirement.split(negated ? "!=" : "==?", 2);
        Function<Pod, String> field = "spec.nodeName".equals(parts[0].trim())
                ? p -> p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName()
                : PodStates::phase;
        boolean equal = Objects.equals(field.apply(pod), parts[1].trim());
        return negated != equal;
    }

    private static List<String> requirements(String query) {
        List<String> handled = new ArrayList<>();
        for (String requirement : fieldSelector(query)) {
            if (FIELDS.stream().anyMatch(field -> requirement.trim().matches(Pattern.quote(field) + "\\s*(!=|==?).*"))) {
                handled.add(requirement);
            }
        }
        return handled;
    }

    private static String withoutRequirements(String query) {
        List<String> parameters = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (!parameter.startsWith("fieldSelector=")) {
                parameters.add(parameter);
                continue;
            }
            List<String> kept = new ArrayList<>(fieldSelector(parameter));
            kept.removeAll(requirements(parameter));
            if (!kept.isEmpty()) {
                parameters.add("fieldSelector=" + URLEncoder.encode(String.join(",", kept), StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parameters);
    }

    private static List<String> fieldSelector(String query) {
        List<String> requirements = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("fieldSelector=")) {
                String value = URLDecoder.decode(parameter.substring("fieldSelector=".length()), StandardCharsets.UTF_8);
                for (String requirement : value.split(",")) {
                    if (!requirement.isBlank()) {
                        requirements.add(requirement);
                    }
                }
            }
        }
        return requirements;
    }
}
