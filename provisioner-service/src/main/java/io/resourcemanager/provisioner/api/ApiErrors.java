package io.resourcemanager.provisioner.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error bodies of the provisioner's API: {@code {"status":"error","error":…,"field":…}}. */
final class ApiErrors {

    private ApiErrors() {
    }

    static MutableHttpResponse<Map<String, Object>> of(HttpStatus status, String message) {
        return HttpResponse.<Map<String, Object>>status(status).body(body(message));
    }

    private static Map<String, Object> body(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", message);
        return body;
    }

    /** Bad input is a 400 whose body names the field. */
    @Singleton
    static final class InvalidInputHandler
            implements ExceptionHandler<InvalidInputException, HttpResponse<Map<String, Object>>> {

        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, InvalidInputException exception) {
            Map<String, Object> body = body(exception.getMessage());
            body.put("field", exception.field());
            return HttpResponse.badRequest(body);
        }
    }
}
