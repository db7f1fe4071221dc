package org.hth.hotline.core.telephony.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket handed to Asterisk-Java's accept loop. A peer whose address is not allowed is closed
 * before a byte is read, and logged with its address only; the loop only ever sees allowed peers, each as a
 * {@link GuardedConnection}. {@link #accept()} runs on the server's accept thread; {@link #close()} on any.
 */
final class AllowListServerSocket implements ServerSocketFacade {
    private static final Logger log = LoggerFactory.getLogger(AllowListServerSocket.class);
    private static final int BACKLOG = 200;

    private final ServerSocket serverSocket;
    private final ClientAllowList allowList;
    private final Duration environmentTimeout;
    private final RouteMetrics metrics;

    AllowListServerSocket(AgiServerConfig config, RouteMetrics metrics) throws IOException {
        this.allowList = ClientAllowList.parse(config.allowedClients());
        this.environmentTimeout = config.environmentTimeout();
        this.metrics = metrics;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), BACKLOG);
    }

    int localPort() {
        return serverSocket.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = serverSocket.accept();
            if (allowList.allows(socket.getInetAddress())) {
                try {
                    return new GuardedConnection(socket, environmentTimeout);
                } catch (IOException e) {
                    closeQuietly(socket);
                    log.warn("FastAGI connection dropped while being set up ({})", e.getClass().getSimpleName());
                    continue;
                }
            }
            metrics.refusedConnection();
            log.warn("FastAGI connection from {} refused: address not in agi.allowedClients",
                    socket.getInetAddress().getHostAddress());
            closeQuietly(socket);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // the environment deadline is ours (GuardedConnection); after it, reads must wait for the whole Dial
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a peer we are dropping
        }
    }
}
