package io.aiactops.platform.web;

/** The request is valid but the resource's state forbids it (a withdrawn system, an evidence hold): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
