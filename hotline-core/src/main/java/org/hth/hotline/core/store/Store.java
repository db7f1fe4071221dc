package org.hth.hotline.core.store;

/**
 * Everything the hotline keeps, behind one port with two adapters: {@code sqlite} (embedded default)
 * and {@code redis}. Both pass the same contract test suite. Thread-safe; blocking: call it from a
 * worker thread, never from an event loop.
 */
public interface Store extends AutoCloseable {

    CallStore calls();

    RosterStore roster();

    TicketStore tickets();

    OutboxStore outbox();

    UserStore users();

    AuditStore audit();

    /** The coordinators' changes to destinations. */
    DestinationStore destinations();

    /** Erasure of personal data past its retention period. */
    RetentionStore retention();

    /**
     * Checks that the store answers.
     *
     * @throws StoreException when it does not
     */
    void ping();

    /** A short name for the health report, e.g. {@code sqlite data/hotline.db}. */
    String describe();

    @Override
    void close();
}
