package org.hth.hotline.core.roster;

import java.util.List;

import org.hth.hotline.core.HotlineException;

/**
 * A roster document was refused: each problem names its place ({@code rotations[1].members[2]: unknown
 * operator "op-x"}) or the uncovered hours.
 */
public class RosterException extends HotlineException {
    private final List<String> problems;

    public RosterException(List<String> problems) {
        super("roster refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public RosterException(String problem, Throwable cause) {
        super("roster refused: " + problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, in document order. */
    public List<String> problems() {
        return problems;
    }
}
