package org.hth.hotline.core.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the roster's escalation policy into the rings of one call, from who is on call at the instant,
 * every operator's presence and the caller's language.
 *
 * <p>Presence: {@code all-available} rings only operators whose presence is {@link PresenceState#AVAILABLE}.
 * An operator whose presence is AWAY, ON_CALL or WRAP_UP is skipped for every target. An operator with
 * <em>no</em> presence record counts as available for {@code primary}, {@code secondary} and
 * {@code operator:ID} — a policy choice: an operator on call from a mobile phone has no console presence
 * and must still be rung — but is not rung by {@code all-available}.
 *
 * <p>Endpoints: a step's {@code prefer} kind is the only endpoint rung for an operator who has one of that
 * kind; otherwise all the operator's endpoints ring at once (console first). {@code prefer: console} holds
 * only for an operator who is at the console (presence recorded as AVAILABLE): an on-call operator who is
 * not logged in to the console is rung on every endpoint, so a night primary away from the desk still
 * rings on the mobile. With {@code preferLanguage}
 * and a caller's language, operators who speak it come first within the step, and for
 * {@code all-available} only they are rung when any of them is available.
 *
 * <p>Each operator is rung in one step at most (no ringing again someone who did not answer); steps left
 * with nobody are dropped. Immutable and thread-safe.
 */
public final class EscalationPlanner {
    private final Roster roster;
    private final OnCallSchedule schedule;

    public EscalationPlanner(Roster roster) {
        this.roster = roster;
        this.schedule = new OnCallSchedule(roster);
    }

    /**
     * @param at       when the call arrives
     * @param presence the last known presence by operator id; missing operators have none
     * @param language the caller's language code, if known
     */
    public EscalationPlan plan(Instant at, Map<String, PresenceState> presence, Optional<String> language) {
        OnCall onCall = schedule.at(at);
        Set<String> rung = new HashSet<>();
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < roster.escalation().size(); i++) {
            EscalationStep step = roster.escalation().get(i);
            List<Operator> operators = new ArrayList<>(candidates(step.target(), onCall, presence));
            operators.removeIf(operator -> rung.contains(operator.id()));
            if (step.preferLanguage() && language.isPresent()) {
                operators = byLanguage(operators, language.get(), step.target() instanceof EscalationTarget.AllAvailable);
            }
            if (operators.isEmpty()) {
                continue;
            }
            List<RingTarget> targets = new ArrayList<>();
            for (Operator operator : operators) {
                rung.add(operator.id());
                boolean atConsole = presence.get(operator.id()) == PresenceState.AVAILABLE;
                targets.addAll(endpoints(operator, step.prefer(), atConsole));
            }
            steps.add(new PlannedStep(i + 1, step.ringSeconds(), targets));
        }
        return new EscalationPlan(steps, roster.fallback());
    }

    private List<Operator> candidates(EscalationTarget target, OnCall onCall, Map<String, PresenceState> presence) {
        if (target instanceof EscalationTarget.AllAvailable) {
            return roster.operators().stream()
                    .filter(operator -> presence.get(operator.id()) == PresenceState.AVAILABLE)
                    .toList();
        }
        Optional<String> id;
        if (target instanceof EscalationTarget.Primary) {
            id = onCall.primary();
        } else if (target instanceof EscalationTarget.Secondary) {
            id = onCall.secondary();
        } else {
            id = Optional.of(((EscalationTarget.OperatorTarget) target).id());
        }
        return id.flatMap(roster::operator)
                .filter(operator -> presence.getOrDefault(operator.id(), PresenceState.AVAILABLE) == PresenceState.AVAILABLE)
                .stream().toList();
    }

    private static List<Operator> byLanguage(List<Operator> operators, String language, boolean onlySpeakers) {
        List<Operator> speakers = operators.stream().filter(operator -> operator.speaks(language)).toList();
        if (onlySpeakers && !speakers.isEmpty()) {
            return speakers;
        }
        List<Operator> sorted = new ArrayList<>(operators);
        sorted.sort(Comparator.comparing(operator -> !operator.speaks(language)));
        return sorted;
    }

    private static List<RingTarget> endpoints(Operator operator, Optional<EndpointKind> prefer, boolean atConsole) {
        Optional<EndpointKind> preferred = prefer.filter(kind -> operator.endpoint(kind).isPresent())
                .filter(kind -> kind != EndpointKind.CONSOLE || atConsole);
        List<RingTarget> targets = new ArrayList<>();
        for (EndpointKind kind : EndpointKind.values()) {
            if (preferred.isEmpty() || preferred.get() == kind) {
                operator.endpoint(kind).ifPresent(dial -> targets.add(new RingTarget(operator.id(), dial, kind)));
            }
        }
        return targets;
    }
}
