package io.aiactops.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum as the API, forms, process variables and the register carry it: by default its constant's name
 * in lower case ({@code KEEP_WATCHING} → {@code keep_watching}); an enum with another form overrides
 * {@link #wireName()}.
 */
public interface WireName {

    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant with this wire name; empty for an unknown or absent one. */
    static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String wireName) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wireName().equals(wireName)).findFirst();
    }

    /** Every wire name of the enum, in declaration order, for a message that lists what is allowed. */
    static <E extends Enum<E> & WireName> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::wireName).collect(Collectors.joining(", "));
    }
}
