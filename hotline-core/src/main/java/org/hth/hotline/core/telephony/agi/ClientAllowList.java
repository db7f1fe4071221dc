package org.hth.hotline.core.telephony.agi;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses allowed to open FastAGI connections: single IPs ({@code 10.0.0.5}) or CIDR blocks
 * ({@code 10.0.0.0/24}, {@code ::1/128}), IPv4 and IPv6. Literal addresses only, no host names. Immutable,
 * thread-safe.
 */
public final class ClientAllowList {
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Block> blocks;

    private ClientAllowList(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** @throws IllegalArgumentException naming the first entry that is not an IP or a CIDR block */
    public static ClientAllowList parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("/", -1);
            if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("agi.allowedClients: not an IP address or CIDR block: " + entry);
            }
            byte[] address;
            try {
                address = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("agi.allowedClients: not an IP address: " + entry, e);
            }
            int prefix = address.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("agi.allowedClients: bad prefix length: " + entry, e);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("agi.allowedClients: bad prefix length: " + entry);
                }
            }
            blocks.add(new Block(address, prefix));
        }
        return new ClientAllowList(blocks);
    }

    public boolean allows(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(bytes));
    }
}
