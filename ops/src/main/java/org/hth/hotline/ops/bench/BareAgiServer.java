package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.net.InetAddress;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.internal.ServerSocketFacadeImpl;

/**
 * The baseline of {@code route}: Asterisk-Java's {@link DefaultAgiServer} with the hotline's pool sizes, serving
 * {@code route} with a script that only runs {@code EXEC Dial} with the arguments the hotline sent, then ends.
 * The socket is bound before the accept thread starts, so calls can come at once. Close it to stop.
 */
final class BareAgiServer implements AutoCloseable {
    private final DefaultAgiServer server;
    private final int port;

    private BareAgiServer(DefaultAgiServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static BareAgiServer start(String dialArguments) throws IOException {
        int port = HotlineUnderTest.freePort();
        ServerSocketFacade socket = new ServerSocketFacadeImpl(port, 200, InetAddress.getLoopbackAddress());
        AgiScript dialOnly = new AgiScript() {
            @Override
            public void service(AgiRequest request, AgiChannel channel) throws AgiException {
                channel.exec("Dial", dialArguments);
            }
        };
        DefaultAgiServer server = new DefaultAgiServer((request, channel) ->
                "route".equals(request.getScript()) ? dialOnly : null) {
            @Override
            protected ServerSocketFacade createServerSocket() {
                return socket;
            }
        };
        server.setPoolSize(HotlineUnderTest.READY_WORKERS);
        server.setMaximumPoolSize(HotlineUnderTest.MAX_CALLS);
        Thread accept = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                // the accept loop ended: close() was called, or the socket failed; calls then count as lost
            }
        }, "bench-bare-agi-accept");
        accept.setDaemon(true);
        accept.start();
        return new BareAgiServer(server, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
