package io.aiactops.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused because of one field, named by its JSON path (or a header name): 400 unless
 * another 4xx fits better (415 for a content type, 413 for a body too large).
 */
public class InvalidFieldException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public InvalidFieldException(String field, String message) {
        this(HttpStatus.BAD_REQUEST, field, message);
    }

    public InvalidFieldException(HttpStatus status, String field, String message) {
        super(field + ": " + message);
        this.status = status;
        this.field = field;
    }

    /** Refuses a text that is absent, blank or longer than the column it goes into. */
    public static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
