package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hth.hotline.standin.ami.AmiMessage;
import org.hth.hotline.standin.ami.AmiMessageEncoder;
import org.hth.hotline.standin.ami.AmiWire;

/**
 * Many calls made of recording 01's AMI events (an answered call: 105 events from {@code Newchannel} to the
 * last {@code Cdr}), each with its own uniqueids, linkedid, channel names and bridge id, encoded once before
 * the measurement as the stand-in's encoder writes them, in chunks of whole calls. Immutable once built.
 */
final class SyntheticAmiStream {
    private final List<byte[]> chunks;
    private final int eventsPerCall;
    private final int calls;
    private final int callsPerChunk;

    private SyntheticAmiStream(List<byte[]> chunks, int eventsPerCall, int calls, int callsPerChunk) {
        this.chunks = chunks;
        this.eventsPerCall = eventsPerCall;
        this.calls = calls;
        this.callsPerChunk = callsPerChunk;
    }

    /** {@code calls} calls, {@code callsPerChunk} to a chunk; {@code firstCall} keeps ids unique across streams. */
    static SyntheticAmiStream build(int firstCall, int calls, int callsPerChunk) {
        List<AmiMessage> events = AmiWire.parse(fixture()).stream().filter(m -> m.eventType().isPresent()).toList();
        StringBuilder template = new StringBuilder();
        for (AmiMessage event : events) {
            template.append(new String(AmiMessageEncoder.encode(event), StandardCharsets.UTF_8));
        }
        String call = template.toString();
        List<byte[]> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < calls; i++) {
            int k = firstCall + i;
            chunk.append(call.replace("179530435", String.format(Locale.ROOT, "%09d", 200_000_000 + k))
                    .replace("-0000001a;", String.format(Locale.ROOT, "-%08x;", 2 * k))
                    .replace("-0000001b;", String.format(Locale.ROOT, "-%08x;", 2 * k + 1))
                    .replace("874276b0bae2", String.format(Locale.ROOT, "%012x", k)));
            if ((i + 1) % callsPerChunk == 0 || i == calls - 1) {
                chunks.add(chunk.toString().getBytes(StandardCharsets.UTF_8));
                chunk.setLength(0);
            }
        }
        return new SyntheticAmiStream(List.copyOf(chunks), events.size(), calls, callsPerChunk);
    }

    List<byte[]> chunks() {
        return chunks;
    }

    int eventsPerCall() {
        return eventsPerCall;
    }

    int calls() {
        return calls;
    }

    int callsPerChunk() {
        return callsPerChunk;
    }

    long events() {
        return (long) eventsPerCall * calls;
    }

    private static byte[] fixture() {
        try (InputStream in = SyntheticAmiStream.class.getResourceAsStream("01-answered-ami.wire")) {
            if (in == null) {
                throw new IllegalStateException("01-answered-ami.wire is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
