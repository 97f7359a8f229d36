package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pod eviction subresource ({@code POST .../pods/{name}/eviction}) as the API server implements it:
 * a pod that has not started or has finished goes regardless of budgets; otherwise the one
 * PodDisruptionBudget selecting it must allow a disruption, or the answer is 429. An allowed eviction
 * deletes the pod at once (the simulated kubelet has no containers to stop). Evictions are serialised,
 * so two concurrent ones cannot both spend the last allowed disruption.
 */
final class PodEvictions {

    /** The API server's own message for an eviction a budget refuses. */
    static final String BUDGET_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

    private static final Logger LOG = LoggerFactory.getLogger(PodEvictions.class);
    private static final Pattern PATH =
            Pattern.compile("^/api/v1/namespaces/([^/?]+)/pods/([^/?]+)/eviction/?(?:\\?.*)?$");

    private final ObjectStore store;
    private final WorkloadControllers controllers;
    private final ReentrantLock lock = new ReentrantLock();

    PodEvictions(ObjectStore store) {
        this.store = store;
        this.controllers = new WorkloadControllers(store);
    }

    /** Whether {@code request} asks for an eviction. */
    boolean handles(RecordedRequest request) {
        return request.method() == HttpMethod.POST && PATH.matcher(request.getPath()).matches();
    }

    /** Answers an eviction request (see {@link #handles}). */
    MockResponse evict(RecordedRequest request) {
        Matcher path = PATH.matcher(request.getPath());
        if (!path.matches()) {
            throw new IllegalArgumentException("not an eviction: " + request.getPath());
        }
        String namespace = path.group(1);
        String name = path.group(2);
        Eviction eviction;
        try {
            eviction = Serialization.unmarshal(request.getUtf8Body(), Eviction.class);
        } catch (RuntimeException e) {
            return ApiResponses.failure(400, "BadRequest", "invalid Eviction body: " + e.getMessage());
        }
        if (eviction == null || eviction.getMetadata() == null
                || (eviction.getMetadata().getName() != null && !name.equals(eviction.getMetadata().getName()))) {
            return ApiResponses.failure(400, "BadRequest", "name in URL does not match name in Eviction object");
        }
        lock.lock();
        try {
            return evict(namespace, name);
        } finally {
            lock.unlock();
        }
    }

    private MockResponse evict(String namespace, String name) {
        String podPath = "/api/v1/namespaces/" + namespace + "/pods/" + name;
        Pod pod = store.get(podPath, Pod.class).orElse(null);
        if (pod == null) {
            return ApiResponses.notFound("", "pods", name);
        }
        if (PodStates.terminating(pod) || ignoresBudgets(pod)) {
            return delete(podPath, namespace, name);
        }
        List<PodDisruptionBudget> budgets = store.<PodDisruptionBudget, PodDisruptionBudgetList>list(
                        "/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets", PodDisruptionBudgetList.class)
                .stream().filter(budget -> DisruptionBudgets.selects(budget, pod)).toList();
        if (budgets.size() > 1) {
            return ApiResponses.failure(500, "InternalError",
                    "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
        }
        if (budgets.isEmpty()) {
            return delete(podPath, namespace, name);
        }
        PodDisruptionBudget budget = budgets.get(0);
        List<Pod> pods = store.<Pod, PodList>list("/api/v1/namespaces/" + namespace + "/pods", PodList.class);
        DisruptionBudgets.Assessment assessment = DisruptionBudgets.assess(budget, pods, controllers::of);
        if (allowed(pod, budget, assessment)) {
            return delete(podPath, namespace, name);
        }
        String cause = assessment.failure().map(failure -> "The disruption budget " + assessment.name()
                        + " cannot be evaluated: " + failure)
                .orElseGet(() -> "The disruption budget " + assessment.name() + " needs "
                        + assessment.desiredHealthy() + " healthy pods and has " + assessment.currentHealthy()
                        + " currently");
        LOG.info("Eviction of pod {}/{} refused: {}", namespace, name, cause);
        return ApiResponses.failure(429, "TooManyRequests", BUDGET_VIOLATION,
                List.of(new StatusCauseBuilder().withReason("DisruptionBudget").withMessage(cause).build()));
    }

    /** Pods that are not running (pending, succeeded, failed) are evicted without consulting budgets. */
    private static boolean ignoresBudgets(Pod pod) {
        String phase = PodStates.phase(pod);
        return "Pending".equals(phase) || PodStates.terminal(pod);
    }

    /**
     * A healthy pod may go while the budget allows a disruption; an unhealthy one while the budget is
     * healthy (policy {@code IfHealthyBudget}, the default) or always ({@code AlwaysAllow}).
     */
    private static boolean allowed(Pod pod, PodDisruptionBudget budget, DisruptionBudgets.Assessment assessment) {
        if (PodStates.healthy(pod)) {
            return assessment.disruptionsAllowed() > 0;
        }
        return "AlwaysAllow".equals(budget.getSpec().getUnhealthyPodEvictionPolicy()) || assessment.budgetHealthy();
    }

    private MockResponse delete(String podPath, String namespace, String name) {
        store.delete(podPath);
        LOG.info("Pod {}/{} evicted", namespace, name);
        return ApiResponses.success(201);
    }
}
