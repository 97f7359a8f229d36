package io.resourcemanager.allocation.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.resourcemanager.allocation.domain.AllocationStatus;
import io.resourcemanager.allocation.service.AllocationOperations;
import io.resourcemanager.allocation.service.InvalidInputException;
import io.resourcemanager.allocation.service.Reply;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The allocation API over REST; every operation maps to {@link AllocationOperations}. */
@Controller
class AllocationController {

    private final AllocationOperations operations;
    private final JsonBodies json;

    AllocationController(AllocationOperations operations, JsonBodies json) {
        this.operations = operations;
        this.json = json;
    }

    /** request_resources: 200 with the decision, or 202 with a Location while it is pending. */
    @Post("/allocations")
    HttpResponse<Map<String, Object>> request(@Body String body) {
        return respond(operations.request(json.object(body)));
    }

    /** release_resources. */
    @Delete("/allocations/{id}")
    HttpResponse<Map<String, Object>> release(String id) {
        return respond(operations.release(id));
    }

    /** get_allocation. */
    @Get("/allocations/{id}")
    HttpResponse<Map<String, Object>> get(String id) {
        return operations.get(id).map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(Map.of("status", "error", "error", "Allocation " + id + " not found")));
    }

    /** list_allocations with optional state and job_id filters. */
    @Get("/allocations{?state,job_id}")
    List<Map<String, Object>> list(@Nullable @QueryValue String state, @Nullable @QueryValue("job_id") String jobId) {
        return operations.list(state(state), Optional.ofNullable(jobId));
    }

    /** get_capacity. */
    @Get("/capacity")
    Map<String, Object> capacity() {
        return operations.capacity();
    }

    /** cleanup_expired. */
    @Post("/allocations/cleanup-expired")
    Map<String, Object> cleanupExpired() {
        return operations.cleanupExpired();
    }

    private static Optional<AllocationStatus> state(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AllocationStatus.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be one of " + Arrays.stream(AllocationStatus.values())
                    .map(AllocationStatus::label).toList() + ", got '" + state + "'");
        }
    }

    private static HttpResponse<Map<String, Object>> respond(Reply reply) {
        return switch (reply.outcome()) {
            case DECIDED -> HttpResponse.ok(reply.body());
            case NOT_FOUND -> HttpResponse.notFound(reply.body());
            case PENDING -> {
                MutableHttpResponse<Map<String, Object>> accepted = HttpResponse.status(HttpStatus.ACCEPTED);
                yield accepted.body(reply.body()).headers(h -> h.location(URI.create(String.valueOf(reply.body().get("location")))));
            }
        };
    }
}
