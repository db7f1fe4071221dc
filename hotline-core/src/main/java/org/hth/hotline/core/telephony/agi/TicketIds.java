package org.hth.hotline.core.telephony.agi;

import java.security.SecureRandom;
import java.time.Instant;

/** ULIDs (26 characters, Crockford base32, sortable by time) for the tickets the script opens. Thread-safe. */
final class TicketIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final SecureRandom random;

    TicketIds(SecureRandom random) {
        this.random = random;
    }

    String next(Instant at) {
        char[] out = new char[26];
        long time = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
