package org.hth.hotline.core.stats;

/**
 * One operator's figures for a period.
 *
 * @param answered    calls they answered
 * @param talkSeconds total talk time of those calls
 */
public record OperatorFigures(long answered, long talkSeconds) {
    OperatorFigures plus(long talk) {
        return new OperatorFigures(answered + 1, talkSeconds + talk);
    }
}
