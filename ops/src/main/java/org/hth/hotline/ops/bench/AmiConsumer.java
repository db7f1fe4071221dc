package org.hth.hotline.ops.bench;

/** A client of the stand-in's AMI server whose event processing the {@code ami} scenario times. */
interface AmiConsumer extends AutoCloseable {

    /** Connects and logs in; returns once events sent from now on reach it. */
    void connect(int port) throws Exception;

    /** Where to report finished calls during the next pass. */
    void expect(StreamCompletion completion, int eventsPerCall);

    @Override
    void close();
}
