package io.resourcemanager.allocation.service;

/** Input that breaks the contract; the message names the field and what is wrong with it. */
public final class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending field. */
    public String field() {
        return field;
    }
}
