package org.hth.hotline.core.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageMenuTest {
    private final LanguageMenu menu = LanguageMenu.standard();

    @Test
    void standardMenuOffersTheNineLanguagesItalianFirst() {
        assertThat(menu.entries()).extracting(LanguageMenu.Entry::code)
                .containsExactly("it", "en", "fr", "es", "ro", "sq", "ar", "zh", "pcm");
        assertThat(menu.prompts()).startsWith("hotline/menu-it&hotline/menu-en&").endsWith("&hotline/menu-pcm");
    }

    @Test
    void digitPicksItsLanguage() {
        assertThat(menu.choose("2")).isEqualTo("en");
        assertThat(menu.choose("9")).isEqualTo("pcm");
    }

    @Test
    void timeoutOrUnknownDigitTakesTheDefault() {
        assertThat(menu.choose("")).isEqualTo("it");
        assertThat(menu.choose(null)).isEqualTo("it");
        assertThat(menu.choose("0")).isEqualTo("it");
        assertThat(menu.choose("#")).isEqualTo("it");
    }

    @Test
    void repeatCallersLanguageCountsOnlyWhenOffered() {
        assertThat(menu.offered("sq")).contains("sq");
        assertThat(menu.offered("de")).isEmpty();
    }

    @Test
    void badMenusAreRefused() {
        LanguageMenu.Entry it = new LanguageMenu.Entry("1", "it", "hotline/menu-it");
        assertThatThrownBy(() -> new LanguageMenu(List.of(it, new LanguageMenu.Entry("1", "en", "p")),
                Duration.ofSeconds(5), "it")).hasMessageContaining("digit used twice");
        assertThatThrownBy(() -> new LanguageMenu(List.of(it), Duration.ofSeconds(5), "en"))
                .hasMessageContaining("default language");
        assertThatThrownBy(() -> new LanguageMenu.Entry("1", "it", "menu&evil")).hasMessageContaining("prompt");
        assertThatThrownBy(() -> new LanguageMenu.Entry("1", "IT)", "p")).hasMessageContaining("code");
    }
}
