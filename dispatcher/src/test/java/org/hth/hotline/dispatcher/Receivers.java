package org.hth.hotline.dispatcher;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.hth.hotline.core.destination.DeliveryPolicy;
import org.hth.hotline.core.destination.Destination;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.destination.SigningSecrets;
import org.hth.hotline.core.destination.WebhookSecret;
import org.hth.hotline.core.referral.Territory;

/**
 * Five WireMock receivers on one server, one path per destination ({@code /uor}, {@code /uds-asl5} …),
 * and the destinations pointing at them with a short delivery schedule. Not thread-safe.
 */
final class Receivers implements AutoCloseable {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final DeliveryPolicy FAST = new DeliveryPolicy(List.of(Duration.ZERO, Duration.ofMillis(200),
            Duration.ofMillis(400), Duration.ofSeconds(2)), Duration.ofMillis(300), Duration.ofMillis(500), 3,
            Duration.ofMillis(300), Duration.ofSeconds(30));
    private static final Set<String> FIELDS = Set.of("urgency", "territory", "accessChannel", "exploitation",
            "person.minor", "person.ageBand", "needs", "consent");
    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .containerThreads(40).asynchronousResponseEnabled(true));

    Receivers() {
        server.start();
    }

    URI url(String id) {
        return URI.create("http://localhost:" + server.port() + "/" + id);
    }

    Destinations destinations(DeliveryPolicy policy, Map<String, URI> overrides) {
        SigningSecrets secrets = SigningSecrets.of(WebhookSecret.parse(SECRET));
        List<Destination> all = new ArrayList<>();
        all.add(destination("uor", Set.of(), secrets, overrides));
        all.add(destination("uds-asl1", Set.of(Territory.ASL1), secrets, overrides));
        all.add(destination("uds-asl2", Set.of(Territory.ASL2), secrets, overrides));
        all.add(destination("uds-asl3-4", Set.of(Territory.ASL3, Territory.ASL4), secrets, overrides));
        all.add(destination("uds-asl5", Set.of(Territory.ASL5), secrets, overrides));
        return Destinations.of(policy, all);
    }

    private Destination destination(String id, Set<Territory> territories, SigningSecrets secrets, Map<String, URI> overrides) {
        return new Destination(id, id, true, Optional.of(overrides.getOrDefault(id, url(id))), Optional.of(secrets),
                territories, FIELDS);
    }

    /** Requests received at a destination's path, oldest first. */
    List<ServeEvent> received(String id) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/" + id)).toList());
        events.sort(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        return events;
    }

    /** How many times the receiver answered 2xx to this webhook id. */
    long answered2xx(String id, String webhookId) {
        return received(id).stream().filter(e -> webhookId.equals(e.getRequest().getHeader("webhook-id")))
                .filter(e -> e.getResponseDefinition().getFault() == null && e.getResponse().getStatus() / 100 == 2)
                .count();
    }

    @Override
    public void close() {
        server.stop();
    }
}
