package org.hth.hotline.standin.ami;

import java.util.Objects;

/** One {@code Key: Value} line of an AMI message; an empty value keeps its place ({@code AccountCode: }). */
public record AmiField(String key, String value) {
    public AmiField {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
