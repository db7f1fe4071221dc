package org.hth.hotline.console.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.vertx.ext.web.RoutingContext;

/**
 * The client address a login is counted against. Behind the reverse proxy on the same machine (the peer is a
 * loopback address) it is the last {@code X-Forwarded-For} entry, the one that proxy added; from any other peer
 * the header is ignored, since anyone could send it. Stateless.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress().hostAddress();
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded == null || !isLoopback(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.matches("[0-9A-Fa-f.:]{2,45}") ? last : peer;
    }

    private static boolean isLoopback(String address) {
        try {
            return address.matches("[0-9A-Fa-f.:]+") && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
