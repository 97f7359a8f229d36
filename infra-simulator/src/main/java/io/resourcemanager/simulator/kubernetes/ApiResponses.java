package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;

/** JSON responses as the API server writes them: objects, and {@code Status} bodies for outcomes and errors. */
final class ApiResponses {

    private ApiResponses() {
    }

    /** {@code code} with {@code body} serialized as JSON. */
    static MockResponse json(int code, Object body) {
        return new MockResponse().setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(body));
    }

    /** A {@code Status} of success, as a subresource that created something answers. */
    static MockResponse success(int code) {
        return json(code, new StatusBuilder().withNewMetadata().endMetadata()
                .withStatus("Success").withCode(code).build());
    }

    /** A failure {@code Status}: {@code reason} is the machine-readable StatusReason, {@code message} the text. */
    static MockResponse failure(int code, String reason, String message) {
        return json(code, failureStatus(code, reason, message, List.of()));
    }

    /** A failure {@code Status} carrying causes in its details. */
    static MockResponse failure(int code, String reason, String message, List<StatusCause> causes) {
        return json(code, failureStatus(code, reason, message, causes));
    }

    /** The {@code 404 NotFound} of a missing object, for example {@code pods "web-1" not found}. */
    static MockResponse notFound(String group, String plural, String name) {
        Status status = failureStatus(404, "NotFound", plural + " \"" + name + "\" not found", List.of());
        status.setDetails(new StatusDetailsBuilder()
                .withName(name).withGroup(group.isEmpty() ? null : group).withKind(plural).build());
        return json(404, status);
    }

    private static Status failureStatus(int code, String reason, String message, List<StatusCause> causes) {
        StatusBuilder status = new StatusBuilder().withNewMetadata().endMetadata()
                .withStatus("Failure").withMessage(message).withReason(reason).withCode(code);
        if (!causes.isEmpty()) {
            status.withNewDetails().withCauses(causes).endDetails();
        }
        return status.build();
    }
}
