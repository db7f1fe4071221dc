package org.hth.hotline.core.stats;

/**
 * One operator's figures for a period.
 *
 * @param answered    calls they answered
 * @param talkSeconds total talk time of those calls
 */
public record OperatorFigures(long answered, long talkSeconds) {
    OperatorFigures plus(OperatorFigures more) {
        return new OperatorFigures(answered + more.answered, talkSeconds + more.talkSeconds);
    }
}
