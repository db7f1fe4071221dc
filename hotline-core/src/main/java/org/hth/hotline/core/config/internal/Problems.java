package org.hth.hotline.core.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.config.ConfigException;
import org.hth.hotline.core.config.ConfigProblem;

/** Collects the problems of one load, in the order found. Not thread-safe; lives for one load call. */
public final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    public void add(String key, String problem, String expected, Optional<String> source) {
        found.add(new ConfigProblem(key, problem, expected, source));
    }

    public void add(String key, String problem, String expected) {
        add(key, problem, expected, Optional.empty());
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<ConfigProblem> list() {
        return List.copyOf(found);
    }

    /** Throws one {@link ConfigException} holding every problem, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
