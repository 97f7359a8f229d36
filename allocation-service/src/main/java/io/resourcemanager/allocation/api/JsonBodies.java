package io.resourcemanager.allocation.api;

import io.micronaut.json.JsonMapper;
import io.resourcemanager.allocation.service.InvalidInputException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/** Parses request bodies ourselves so malformed JSON gets a clear 400 instead of a framework error. */
@Singleton
final class JsonBodies {

    private final JsonMapper mapper;

    JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        Object parsed;
        try {
            parsed = mapper.readValue(body, Object.class);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
