package org.hth.hotline.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;

class ResponsesTest {
    @Test
    void markupIsEscapedAndDecodesBackToTheSameText() {
        String text = "<b>\"a\" & 'b'</b>\u2028";
        String encoded = Responses.escapeMarkup(new JsonObject().put("note", text).encode());

        assertThat(encoded).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(new JsonObject(encoded).getString("note")).isEqualTo(text);
    }
}
