package org.hth.hotline.core.destination;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule a destination's webhook address must follow, wherever it comes from ({@code destinations.yaml}, the
 * environment or the console): an absolute {@code https://} URL with a host, or {@code http://} only to a
 * loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) for a receiver on the same machine.
 * Referrals hold personal data: they never cross a network in clear. Stateless; thread-safe.
 */
public final class DestinationUrl {
    private DestinationUrl() {
    }

    /**
     * Parses and checks an address.
     *
     * @throws IllegalArgumentException whose message says what is wanted (never quoting the input)
     */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("an absolute https:// URL with a host (and no user:password) is required");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new IllegalArgumentException("https:// is required (http:// only to localhost or 127.0.0.1)");
        }
        return uri;
    }

    /** The host alone, for audit entries and logs: never the path or query, which may carry a token. */
    public static String host(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: never resolved here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
