package io.aiactops.platform.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and Java type. Each process declares its variables once, in its
 * {@code <Name>Variables} class, and reads and writes them only through these.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    /** The value, or {@code null} when unset. Numbers from forms arrive as any Number and are converted. */
    public T from(VariableScope scope) {
        return convert(scope.getVariable(name));
    }

    public T from(Map<String, ?> variables) {
        return convert(variables.get(name));
    }

    public T required(VariableScope scope) {
        T value = from(scope);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is not set");
        }
        return value;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Removes the variable from the scope where it lives, e.g. once a message's values are consumed. */
    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Adds the value to a map of variables, e.g. for starting a process or correlating a message. */
    public Map<String, Object> put(Map<String, Object> variables, T value) {
        variables.put(name, value);
        return variables;
    }

    private T convert(Object value) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        if (value instanceof Number number) {
            if (type == Long.class) {
                return type.cast(number.longValue());
            }
            if (type == Double.class) {
                return type.cast(number.doubleValue());
            }
            if (type == Integer.class) {
                return type.cast(number.intValue());
            }
        }
        throw new IllegalStateException("Process variable '" + name + "' is a " + value.getClass().getSimpleName()
                + ", expected " + type.getSimpleName());
    }
}
