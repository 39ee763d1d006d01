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

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
