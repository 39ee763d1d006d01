package io.aiactops.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Jackson's reference path as the JSON path users see in errors: {@code deployers[0].email}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
