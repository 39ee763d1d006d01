package io.aiactops.platform.web;

import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON body of the API holds only what PostgreSQL stores unchanged, with the types it
 * declares: a string with NUL or an unpaired surrogate, a number or boolean where text is expected
 * and a string where a number is, are a 400 naming the field, not a 500 from the database or a silently altered value.
 */
@ControllerAdvice
class StorableRequestBodies extends RequestBodyAdviceAdapter {

    private final ObjectMapper json;

    StorableRequestBodies(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body instanceof JsonNode node ? node : json.valueToTree(body), "");
        return body;
    }

    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            String problem = StorableText.problem(node.textValue());
            if (problem != null) {
                throw new InvalidFieldException(path.isEmpty() ? "$" : path, problem);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String problem = StorableText.problem(field.getKey());
                if (problem != null) {
                    throw new InvalidFieldException(name, "field name " + problem);
                }
                check(field.getValue(), name);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoCoercionToText {

        /**
         * A number or boolean sent for a text field, and a string (even a blank one) for a number or
         * boolean, is a wrong type; Jackson converts them by default, a blank string to the default value.
         */
        @Bean
        Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
            return builder -> builder.postConfigurer(mapper -> {
                mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
                    mapper.coercionConfigFor(scalar)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setAcceptBlankAsEmpty(false);
                }
            });
        }
    }
}
