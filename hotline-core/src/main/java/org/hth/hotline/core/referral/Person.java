package org.hth.hotline.core.referral;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person a referral is about. No name unless the person gave it and consented to it being passed on.
 *
 * @param gender      {@code F}, {@code M}, {@code X} (other) or empty when unknown
 * @param ageBand     e.g. {@code 15-17}, {@code 18-25}
 * @param minor       whether the person is, or may be, under 18
 * @param nationality ISO 3166-1 alpha-2 code
 * @param languages   ISO 639-1 codes the person speaks
 * @param name        only with consent
 */
public record Person(Optional<String> gender, Optional<String> ageBand, boolean minor, Optional<String> nationality,
                     List<String> languages, Optional<String> name) {
    public Person {
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(name, "name");
        languages = List.copyOf(languages);
    }

    /** Nothing known about the person. */
    public static Person unknown() {
        return new Person(Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), Optional.empty());
    }
}
