package io.aiactops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointerPathTest {

    @Test
    void splitsAndUnescapesThePointer() {
        assertThat(JsonPointerPath.of("")).isEmpty();
        assertThat(JsonPointerPath.of("/output/score")).containsExactly("output", "score");
        assertThat(JsonPointerPath.of("/a~1b/t~0x/~01")).containsExactly("a/b", "t~x", "~1");
        assertThat(JsonPointerPath.of("/items/0/name")).containsExactly("items", "0", "name");
        assertThat(JsonPointerPath.of("/items/10")).containsExactly("items", "10");
        assertThat(JsonPointerPath.of("/trailing/")).containsExactly("trailing", "");
    }

    @Test
    void hasNoPathWherePostgresqlWouldTakeAnotherElementThanThePointerStandard() {
        assertThat(JsonPointerPath.of("/items/-1")).isNull();
        assertThat(JsonPointerPath.of("/items/01")).isNull();
        assertThat(JsonPointerPath.of("/items/+1")).isNull();
        assertThat(JsonPointerPath.of("/items/ 1")).isNull();
        assertThat(JsonPointerPath.of("/items/1234567890")).isNull();
        assertThat(JsonPointerPath.of("no-slash")).isNull();
    }
}
