package io.resourcemanager.provisioner.api;

/** A request field is missing or out of range; answered 400 naming the field. */
final class InvalidInputException extends RuntimeException {

    private final String field;

    InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
