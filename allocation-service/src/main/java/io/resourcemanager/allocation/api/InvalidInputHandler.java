package io.resourcemanager.allocation.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.resourcemanager.allocation.service.InvalidInputException;
import jakarta.inject.Singleton;
import java.util.Map;

/** Bad input is a 400 whose body names the field. */
@Singleton
final class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, InvalidInputException exception) {
        return HttpResponse.badRequest(Map.of("status", "error", "error", exception.getMessage(),
                "field", exception.field()));
    }
}
