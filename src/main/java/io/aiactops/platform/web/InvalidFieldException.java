package io.aiactops.platform.web;

/** A value that is well-formed JSON but not acceptable, named by its JSON path: 400. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
