package org.hth.hotline.core.config;

import java.util.List;
import java.util.stream.Collectors;

import org.hth.hotline.core.HotlineException;

/**
 * The configuration is not usable. Carries every problem found, not just the first; the message is one
 * line per problem and never contains a secret value. Start-up prints the message and stops.
 */
public class ConfigException extends HotlineException {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the keys were checked. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n"));
    }
}
