package org.hth.hotline.core.live.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLiveEventsIT {
    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    private RedisLiveEvents nodeA;
    private RedisLiveEvents nodeB;

    @AfterEach
    void close() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private RedisLiveEvents node() {
        return new RedisLiveEvents(redis.url(), Duration.ofSeconds(2), redis.keyPrefix());
    }

    @Test
    void anEventPublishedOnOneNodeReachesTheOtherNodesSubscribersAndItsOwnOnce() {
        nodeA = node();
        nodeB = node();
        List<LiveEvent> onA = new CopyOnWriteArrayList<>();
        List<LiveEvent> onB = new CopyOnWriteArrayList<>();
        nodeA.subscribe(onA::add);
        nodeB.subscribe(onB::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> nodeA.subscribed() && nodeB.subscribed());

        LiveEvent ringing = new LiveEvent("call.ringing", Instant.parse("2026-11-22T01:00:00Z"),
                Map.of("callId", "1700000000.1", "operatorId", "op-anna", "step", 1));
        nodeA.publish(ringing);

        await().atMost(Duration.ofSeconds(5)).until(() -> onB.size() == 1);
        assertThat(onB.get(0).type()).isEqualTo("call.ringing");
        assertThat(onB.get(0).at()).isEqualTo(ringing.at());
        assertThat(onB.get(0).data()).containsEntry("operatorId", "op-anna").containsEntry("step", 1);
        assertThat(onA).containsExactly(ringing);
    }

    @Test
    void withRedisUnreachableLocalSubscribersStillGetEveryEvent() {
        nodeA = new RedisLiveEvents(URI.create("redis://127.0.0.1:1"), Duration.ofMillis(200), "nowhere:");
        List<LiveEvent> seen = new CopyOnWriteArrayList<>();
        nodeA.subscribe(seen::add);

        nodeA.publish(new LiveEvent("pbx.connection", Instant.now(), Map.of("state", "DISCONNECTED")));

        assertThat(seen).extracting(LiveEvent::type).containsExactly("pbx.connection");
        assertThat(nodeA.subscribed()).isFalse();
    }
}
