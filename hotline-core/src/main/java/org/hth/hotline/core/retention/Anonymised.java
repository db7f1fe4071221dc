package org.hth.hotline.core.retention;

/**
 * How many records one anonymising pass changed (records already anonymous are not counted again).
 *
 * @param calls   call records whose notes, tags or caller pseudonym were erased
 * @param tickets tickets whose summary or person's name was erased
 */
public record Anonymised(int calls, int tickets) {
    public Anonymised {
        if (calls < 0 || tickets < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }
}
