package org.hth.hotline.standin.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.hth.hotline.standin.call.CallHub;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.Endpoints;
import org.hth.hotline.standin.call.SimCall;
import org.hth.hotline.standin.call.Timeline;
import org.junit.jupiter.api.Test;

class AgiEnvironmentTest {
    private static String recorded() throws IOException {
        try (InputStream in = AgiEnvironmentTest.class.getResourceAsStream("/fixtures/asterisk/01-answered/agi-env.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(String env) {
        return Arrays.stream(env.split("\n")).filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf(':'))).toList();
    }

    @Test
    void environmentHasTheRecordedKeysOrderAndFraming() throws IOException {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            CallHub hub = new CallHub(Timeline.realTime(Clock.systemUTC()), Endpoints.allAnswer(), ZoneOffset.UTC, e -> { });
            SimCall call = new SimCall(hub, loop, CallerBehaviour.testCaller(), "800290290", "numero-verde", "");
            call.line().position("numero-verde", "800290290", 3);
            String env = AgiEnvironment.of(call, "127.0.0.1", 4573, "route", 139832667330240L);
            String recorded = recorded();
            assertThat(keys(env)).isEqualTo(keys(recorded));
            assertThat(env).endsWith("\n\n").doesNotContain("\r").contains("agi_accountcode: \n");
            String stable = recorded.replaceAll("(?m)^agi_(channel|uniqueid|threadid): .*$", "");
            assertThat(env.replaceAll("(?m)^agi_(channel|uniqueid|threadid): .*$", "")).isEqualTo(stable);
            assertThat(call.line().name()).matches("Local/800290290@numero-verde-[0-9a-f]{8};2");
        } finally {
            loop.shutdownGracefully();
        }
    }

    @Test
    void theApplicationsArgumentsFollowTheThreadIdAsAgiArgLines() {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            CallHub hub = new CallHub(Timeline.realTime(Clock.systemUTC()), Endpoints.allAnswer(), ZoneOffset.UTC, e -> { });
            SimCall call = new SimCall(hub, loop, CallerBehaviour.testCaller(), "800290290", "numero-verde", "");
            AgiApplicationData data = AgiApplicationData.parse("agi://127.0.0.1:4573/route,1795304357.52,,x");

            String env = AgiEnvironment.of(call, "127.0.0.1", 4573, data.script(), 7L, data.arguments());

            assertThat(data.url()).isEqualTo("agi://127.0.0.1:4573/route");
            assertThat(data.script()).isEqualTo("route");
            assertThat(env).contains("agi_network_script: route\n")
                    .endsWith("agi_threadid: 7\nagi_arg_1: 1795304357.52\nagi_arg_2: \nagi_arg_3: x\n\n");
            assertThat(AgiApplicationData.parse("agi://127.0.0.1:4573/route").arguments()).isEmpty();
        } finally {
            loop.shutdownGracefully();
        }
    }

    @Test
    void argumentsAreSplitAsResAgiDoes() {
        assertThat(AgiArguments.parse("EXEC Dial \"Local/100@operators,20,m\""))
                .containsExactly("EXEC", "Dial", "Local/100@operators,20,m");
        assertThat(AgiArguments.parse("STREAM FILE nosuchfile \"\"")).containsExactly("STREAM", "FILE", "nosuchfile", "");
        assertThat(AgiArguments.parse("")).isEmpty();
    }
}
