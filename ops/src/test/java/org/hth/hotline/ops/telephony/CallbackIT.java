package org.hth.hotline.ops.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.json.JsonObject;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketEvent;
import org.hth.hotline.core.referral.TicketKind;
import org.hth.hotline.core.referral.TicketQuery;
import org.hth.hotline.core.referral.TicketStatus;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.ops.TestEnvironments;
import org.hth.hotline.ops.users.UserAdder;
import org.hth.hotline.standin.ami.AmiBackend;
import org.hth.hotline.standin.ami.AmiMessage;
import org.hth.hotline.standin.ami.StandinAmiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callback end to end: a real server and the stand-in's AMI server. A missed call (everyone busy) leaves a
 * callback ticket with the sealed number; operator anna, logged in through the API, presses call back and the
 * stand-in receives one {@code Originate} ringing her console first and then dialling the caller; the number is
 * in that action only. Refusals answer 409 (no consent, expired, no number), 404 (another operator's referral)
 * or 403 (a coordinator), and send nothing to the PBX.
 */
class CallbackIT {
    static final String CALLER = "3331234567";
    static final String PASSWORD = "a long enough secret";
    private static final String MISSED = """
            speed: 20
            endpoints:
              PJSIP/op-anna: busy
              PJSIP/op-luca: busy
              PJSIP/+393330000003@trunk: busy
              PJSIP/national-fallback: { answer: 2s, talk: 3s }
            default-endpoint: never-answer
            calls:
              - { caller: "3331234567", keys: ["1"] }
            """;
    private static final String NO_CALLS = "speed: 1\nendpoints: {}\ndefault-endpoint: never-answer\ncalls: []\n";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private TelephonyLine line;

    @AfterEach
    void close() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    void missedCallIsCalledBackRingingTheOperatorFirstWithTheNumberOnlyInTheOriginate() throws Exception {
        line = TelephonyLine.start(dataDir, MISSED);
        line.runScenario();
        Ticket ticket = await().atMost(Duration.ofSeconds(20)).until(this::callbackTicket, Optional::isPresent)
                .orElseThrow();
        StandinAmiServer ami = line.simulator().ami();
        ami.backend(answeringBackend(ami));
        ConsoleClient anna = users();

        HttpResponse<String> pressed = anna.post("/api/tickets/" + ticket.id() + "/callback", "{}");

        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(202);
        assertThat(new JsonObject(pressed.body()).getString("endpoint")).isEqualTo("PJSIP/op-anna");
        await().atMost(Duration.ofSeconds(10)).until(() -> ami.originates().size() == 1);
        AmiMessage originate = ami.originates().get(0);
        assertThat(originate.getOrEmpty("Channel")).as("the operator is rung first").isEqualTo("PJSIP/op-anna");
        assertThat(originate.getOrEmpty("Application")).isEqualTo("Dial");
        assertThat(originate.getOrEmpty("Data")).as("then the caller").isEqualTo("PJSIP/+39" + CALLER + "@trunk,60");
        assertThat(originate.getOrEmpty("CallerID")).contains("800290290");
        assertThat(originate.getOrEmpty("Timeout")).isEqualTo("30000");
        assertThat(originate.getOrEmpty("Async")).isEqualToIgnoringCase("true");
        assertThat(originate.fields()).anySatisfy(f -> assertThat(f.value())
                .isEqualTo("HOTLINE_CALLBACK_TICKET=" + ticket.id()));

        List<TicketEvent> history = await().atMost(Duration.ofSeconds(10))
                .until(() -> line.store().tickets().find(ticket.id()).orElseThrow().history(),
                        h -> h.stream().anyMatch(e -> e.action().equals("callback.number.erased")));
        assertThat(history).extracting(TicketEvent::action)
                .endsWith("callback.requested", "callback.result", "callback.number.erased");
        assertThat(history.get(history.size() - 3).by()).isEqualTo("anna");
        assertThat(history.get(history.size() - 2).detail()).contains("the operator answered");
        assertThat(line.store().tickets().find(ticket.id()).orElseThrow().sealedCallbackNumber())
                .as("the number is erased once used").isEmpty();
        HttpResponse<String> view = anna.get("/api/tickets/" + ticket.id());
        assertThat(view.body()).contains("callback.result");

        CallerNumberScan scan = new CallerNumberScan(CALLER, "333 123 4567");
        assertThat(anna.bodies()).noneSatisfy(body -> assertThat(body).contains(CALLER));
        scan.assertNotInLogs(logs.lines());
        scan.assertNotInStore(dataDir);
    }

    @Test
    void callbackThatThePbxCannotPlaceIsRecordedWithItsReason() throws Exception {
        line = TelephonyLine.start(dataDir, NO_CALLS).awaitPbxUp();
        ConsoleClient anna = users();
        String id = seed("01CBFAIL", TicketKind.CALLBACK, "system", false, Optional.of(sealed(inDays(3))));

        assertThat(anna.post("/api/tickets/" + id + "/callback", "{}").statusCode()).isEqualTo(202);

        List<TicketEvent> history = await().atMost(Duration.ofSeconds(10))
                .until(() -> line.store().tickets().find(id).orElseThrow().history(),
                        h -> h.stream().anyMatch(e -> e.action().equals("callback.result")));
        assertThat(history.get(history.size() - 1).detail())
                .isEqualTo("not placed: failed (no such channel or extension)");
        assertThat(line.simulator().ami().originates()).singleElement()
                .satisfies(o -> assertThat(o.getOrEmpty("Channel")).isEqualTo("PJSIP/op-anna"));
        new CallerNumberScan(CALLER).assertNotInLogs(logs.lines());
    }

    @Test
    void refusedCallbacksSendNothingToThePbx() throws Exception {
        line = TelephonyLine.start(dataDir, NO_CALLS).awaitPbxUp();
        ConsoleClient anna = users();
        ConsoleClient marta = ConsoleClient.loggedIn(line.server().consolePort(), "marta", PASSWORD);
        String noConsent = seed("01NOCONSENT", TicketKind.REFERRAL, "anna", false, Optional.of(sealed(inDays(3))));
        String expired = seed("01EXPIRED", TicketKind.CALLBACK, "system", false, Optional.of(sealed(inDays(-1))));
        String noNumber = seed("01NONUMBER", TicketKind.REFERRAL, "anna", true, Optional.empty());
        String lucas = seed("01LUCAS", TicketKind.REFERRAL, "luca", true, Optional.of(sealed(inDays(3))));
        String open = seed("01OPEN", TicketKind.CALLBACK, "system", false, Optional.of(sealed(inDays(3))));

        assertRefused(anna, noConsent, 409, "not consented");
        assertRefused(anna, expired, 409, "expired");
        assertRefused(anna, noNumber, 409, "no callback number");
        assertRefused(anna, lucas, 404, "");
        assertRefused(marta, open, 403, "");
        assertRefused(anna, "01MISSING", 404, "");

        assertThat(line.simulator().ami().originates()).isEmpty();
        assertThat(line.store().tickets().find(noConsent).orElseThrow().history()).extracting(TicketEvent::action)
                .containsExactly("created");
        assertThat(anna.bodies()).noneSatisfy(body -> assertThat(body).contains(CALLER));
    }

    private static void assertRefused(ConsoleClient client, String id, int status, String reason) {
        HttpResponse<String> answer = client.post("/api/tickets/" + id + "/callback", "{}");
        assertThat(answer.statusCode()).as(id + ": " + answer.body()).isEqualTo(status);
        assertThat(new JsonObject(answer.body()).getString("message", "")).contains(reason);
    }

    private Optional<Ticket> callbackTicket() {
        return line.store().tickets().query(TicketQuery.all(10)).stream()
                .filter(t -> t.kind() == TicketKind.CALLBACK).findFirst();
    }

    /** Users anna (operator op-anna), luca (operator op-luca) and marta (coordinator); anna logged in. */
    private ConsoleClient users() {
        UserAdder users = new UserAdder(line.store().users(), new PasswordHasher(1024, 1, 1, new SecureRandom()),
                Clock.systemUTC());
        users.add("anna", Set.of(Role.OPERATOR), Optional.of("op-anna"), PASSWORD.toCharArray());
        users.add("luca", Set.of(Role.OPERATOR), Optional.of("op-luca"), PASSWORD.toCharArray());
        users.add("marta", Set.of(Role.COORDINATOR), Optional.empty(), PASSWORD.toCharArray());
        return ConsoleClient.loggedIn(line.server().consolePort(), "anna", PASSWORD);
    }

    private String seed(String id, TicketKind kind, String by, boolean consent, Optional<String> sealed) {
        Instant now = Instant.now();
        line.store().tickets().create(new Ticket(id, kind, now, by, Optional.empty(), AccessChannel.NUMERO_VERDE,
                Set.of(), Person.unknown(), Set.of(), Urgency.ORDINARY, Territory.UNKNOWN, consent, "seeded",
                List.of(), TicketStatus.OPEN, List.of(new TicketEvent(now, by, "created",
                        Optional.of(TicketStatus.OPEN), "seeded")), sealed), List.of());
        return id;
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private static String sealed(Instant expiresAt) {
        return new NumberSealer(TestEnvironments.testEncryptionKey()).seal(CALLER, expiresAt);
    }

    /** A PBX on which the operator's phone answers every originate at once. */
    private static AmiBackend answeringBackend(StandinAmiServer ami) {
        return new AmiBackend() {
            @Override
            public List<ChannelView> channels() {
                return List.of();
            }

            @Override
            public boolean hangup(String channelName, int cause) {
                return false;
            }

            @Override
            public OriginateOutcome originate(AmiMessage action) {
                ami.broadcast(AmiMessage.builder().add("Event", "OriginateResponse").add("Privilege", "call,all")
                        .actionId(action).add("Response", "Success").add("Channel", action.getOrEmpty("Channel"))
                        .add("Reason", "4").add("Uniqueid", "1700000000.1").build());
                return OriginateOutcome.QUEUED;
            }
        };
    }
}
