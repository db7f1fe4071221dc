package org.hth.hotline.core.store.redis;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants as ISO-8601 text in UTC, exactly as {@link Instant#toString()} writes them and {@link Instant#parse}
 * reads them, without a {@link java.time.format.DateTimeFormatter} for the common shape
 * ({@code yyyy-MM-ddTHH:mm:ss[.fff[fff[fff]]]Z}, years 1000 to 9999), which costs several times the rest of
 * reading an outbox entry; any other text or year goes to the JDK. Stateless.
 */
final class IsoInstants {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long MIN = LocalDate.of(1000, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long MAX = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

    private IsoInstants() {
    }

    /** The same text as {@link Instant#toString()}. */
    static String format(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN || seconds >= MAX) {
            return at.toString();
        }
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int second = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        StringBuilder text = new StringBuilder(30);
        text.append(date.getYear()).append('-');
        two(text, date.getMonthValue()).append('-');
        two(text, date.getDayOfMonth()).append('T');
        two(text, second / 3_600).append(':');
        two(text, second / 60 % 60).append(':');
        two(text, second % 60);
        int nano = at.getNano();
        if (nano != 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** The instant {@link Instant#parse} reads from this text. */
    static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The common shape read by hand; null for anything else (the JDK reads it, or says what is wrong). */
    private static Instant fast(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (year < 1000 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nano = number(text, 20, length - 1);
            if (nano < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character there is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void digits(StringBuilder text, int value, int count) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < count; i++) {
            text.append('0');
        }
        text.append(number);
    }
}
