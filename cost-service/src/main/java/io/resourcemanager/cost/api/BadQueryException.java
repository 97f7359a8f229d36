package io.resourcemanager.cost.api;

/** A query parameter that cannot be answered: names the parameter and says why. */
final class BadQueryException extends RuntimeException {

    private final String field;

    BadQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
