package org.hth.hotline.core.store.internal;

import java.util.Objects;

import org.hth.hotline.core.store.AuditStore;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.DestinationStore;
import org.hth.hotline.core.store.OutboxStore;
import org.hth.hotline.core.store.RetentionStore;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.store.UserStore;

/**
 * A {@link Store} made of its eight sub-stores, which an adapter builds once; the adapter adds ping,
 * describe and close. Thread-safe when the sub-stores are.
 */
public abstract class ComposedStore implements Store {
    private final CallStore calls;
    private final RosterStore roster;
    private final TicketStore tickets;
    private final OutboxStore outbox;
    private final UserStore users;
    private final AuditStore audit;
    private final RetentionStore retention;
    private final DestinationStore destinations;

    protected ComposedStore(CallStore calls, RosterStore roster, TicketStore tickets, OutboxStore outbox,
                            UserStore users, AuditStore audit, RetentionStore retention,
                            DestinationStore destinations) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
    }

    @Override
    public final CallStore calls() {
        return calls;
    }

    @Override
    public final RosterStore roster() {
        return roster;
    }

    @Override
    public final TicketStore tickets() {
        return tickets;
    }

    @Override
    public final OutboxStore outbox() {
        return outbox;
    }

    @Override
    public final UserStore users() {
        return users;
    }

    @Override
    public final AuditStore audit() {
        return audit;
    }

    @Override
    public final RetentionStore retention() {
        return retention;
    }

    @Override
    public final DestinationStore destinations() {
        return destinations;
    }
}
