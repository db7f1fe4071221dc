package org.hth.hotline.core.referral;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * ULIDs (26 Crockford base32 characters: 48 bits of milliseconds, 80 random bits), sortable by time.
 * Within one millisecond the random part counts up, so ids from one generator are strictly increasing.
 * Thread-safe (synchronised).
 */
public final class UlidGenerator {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private final byte[] randomPart = new byte[10];

    public UlidGenerator(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public synchronized String next() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            increment();
            millis = lastMillis;
        } else {
            lastMillis = millis;
            random.nextBytes(randomPart);
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits as 16 characters of 5 bits, most significant first
        for (int i = 0; i < 16; i++) {
            out[10 + i] = ALPHABET[bits(i * 5)];
        }
        return new String(out);
    }

    private int bits(int offset) {
        int value = 0;
        for (int b = 0; b < 5; b++) {
            int bit = offset + b;
            int set = (randomPart[bit / 8] >> (7 - bit % 8)) & 1;
            value = (value << 1) | set;
        }
        return value;
    }

    private void increment() {
        for (int i = randomPart.length - 1; i >= 0; i--) {
            randomPart[i]++;
            if (randomPart[i] != 0) {
                return;
            }
        }
        lastMillis++; // the random part overflowed: borrow the next millisecond
    }
}
