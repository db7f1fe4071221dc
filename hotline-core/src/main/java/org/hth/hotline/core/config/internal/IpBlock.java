package org.hth.hotline.core.config.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address or CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.1}). Parses literals only,
 * never asks DNS. Immutable and thread-safe.
 */
public final class IpBlock {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private final byte[] network;
    private final int prefix;

    private IpBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The block, or empty when {@code text} is not an IP address or CIDR block. */
    public static Optional<IpBlock> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        Optional<byte[]> address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new IpBlock(address.get(), bits));
        }
        String length = t.substring(slash + 1);
        if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
            return Optional.empty();
        }
        return Optional.of(new IpBlock(address.get(), Integer.parseInt(length)));
    }

    /** True when {@code address} lies in this block (IPv4 and IPv6 never match each other). */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> literal(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(bytes);
        }
        if (text.contains(":") && IPV6_CHARS.matcher(text).matches()) {
            try {
                // Brackets make InetAddress parse an IPv6 literal and never fall back to a DNS lookup.
                return Optional.of(InetAddress.getByName("[" + text + "]").getAddress());
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
