package io.resourcemanager.provisioner.api;

import java.util.Map;
import java.util.Optional;

/** Reads fields of JSON request bodies, naming the field when one is missing or malformed. */
final class RequestBodies {

    private RequestBodies() {
    }

    static int requiredInt(Map<String, Object> body, String field, int min) {
        return optionalInt(body, field, min).orElseThrow(() -> new InvalidInputException(field, field + " is required"));
    }

    static Optional<Integer> optionalInt(Map<String, Object> body, String field, int min) {
        Object value = body == null ? null : body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new InvalidInputException(field, field + " must be a whole number, was " + value);
        }
        if (number.longValue() < min || number.longValue() > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, field + " must be at least " + min + ", was " + value);
        }
        return Optional.of(number.intValue());
    }

    static Optional<String> optionalText(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidInputException(field, field + " must be a non-empty string, was " + value);
        }
        return Optional.of(text);
    }

    static boolean optionalBoolean(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new InvalidInputException(field, field + " must be true or false, was " + value);
        }
        return flag;
    }
}
