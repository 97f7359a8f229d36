package io.resourcemanager.ttl.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.resourcemanager.ttl.domain.Countdown;
import io.resourcemanager.ttl.domain.Refusal;
import io.resourcemanager.ttl.service.ExtensionAnswer;
import io.resourcemanager.ttl.service.ExtensionRequests;
import io.resourcemanager.ttl.topology.DeadlineQuery;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /ttl} lists running countdowns soonest first (optionally one {@code type}),
 * {@code GET /ttl/{subject}} shows one, {@code POST /ttl/{subject}/extend {hours}} extends it.
 */
@Controller("/ttl")
class TtlController {

    private final DeadlineQuery deadlines;
    private final ExtensionRequests extensions;
    private final Clock clock;

    TtlController(DeadlineQuery deadlines, ExtensionRequests extensions, Clock clock) {
        this.deadlines = deadlines;
        this.extensions = extensions;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String type) {
        if (type != null && !List.of("allocation", "worker").contains(type)) {
            return error(HttpStatus.BAD_REQUEST, "type must be allocation or worker, was " + type, "type");
        }
        return HttpResponse.ok(deadlines.running().stream()
                .filter(countdown -> type == null || kind(countdown).equals(type))
                .map(this::view).toList());
    }

    @Get("/{subject}")
    HttpResponse<?> show(@PathVariable String subject) {
        return deadlines.find(subject).<HttpResponse<?>>map(countdown -> HttpResponse.ok(view(countdown)))
                .orElseGet(() -> notFound(subject));
    }

    @Post("/{subject}/extend")
    HttpResponse<?> extend(@PathVariable String subject, @Nullable @Body Map<String, Object> body)
            throws InterruptedException {
        Object hours = body == null ? null : body.get("hours");
        if (hours != null && !(hours instanceof Number)) {
            return error(HttpStatus.BAD_REQUEST, "hours must be a number, was " + hours, "hours");
        }
        return extensions.extend(subject, hours == null ? null : ((Number) hours).doubleValue())
                .map(TtlController::response)
                .orElseGet(() -> notFound(subject));
    }

    private static HttpResponse<?> response(ExtensionAnswer answer) {
        if (answer instanceof ExtensionAnswer.Extended extended) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "extended");
            body.put("subject_id", extended.subjectId());
            body.put("subject_type", extended.subjectType());
            body.put("previous_deadline", extended.previousDeadline().toString());
            body.put("deadline", extended.deadline().toString());
            body.put("extensions_used", extended.extensionsUsed());
            return HttpResponse.ok(body);
        }
        if (answer instanceof ExtensionAnswer.Refused refused) {
            Refusal refusal = refused.refusal();
            HttpStatus status = refused.field() != null ? HttpStatus.BAD_REQUEST
                    : refusal.reason() == Refusal.Reason.UNKNOWN_SUBJECT ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
            return error(status, refusal.message(), refused.field());
        }
        if (answer instanceof ExtensionAnswer.Overtaken overtaken) {
            return error(HttpStatus.CONFLICT, overtaken.reason(), null);
        }
        ExtensionAnswer.Pending pending = (ExtensionAnswer.Pending) answer;
        return HttpResponse.accepted().body(Map.of("status", "pending", "request_id", pending.requestId()));
    }

    private Map<String, Object> view(Countdown countdown) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subject_id", countdown.subjectId());
        view.put("subject_type", kind(countdown));
        view.put("deadline", countdown.deadline().at().toString());
        view.put("remaining_seconds", countdown.deadline().remaining(clock.instant()).toSeconds());
        view.put("extensions_used", countdown.deadline().extensionsUsed());
        view.put("limit", countdown.deadline().limit() == null ? null : countdown.deadline().limit().toString());
        view.put("state", countdown.isRunning() ? "running" : countdown.closed().expired() ? "expired" : "gone");
        view.put("idle_since", countdown.idleSince() == null ? null : countdown.idleSince().toString());
        return view;
    }

    private static String kind(Countdown countdown) {
        return countdown.deadline().kind().name().toLowerCase(Locale.ROOT);
    }

    private static HttpResponse<?> notFound(String subject) {
        return error(HttpStatus.NOT_FOUND, "No deadline is tracked for " + subject, null);
    }

    private static HttpResponse<?> error(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return HttpResponse.status(status).body(body);
    }
}
