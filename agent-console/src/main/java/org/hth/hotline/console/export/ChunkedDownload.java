package org.hth.hotline.console.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;

/**
 * A download written from a worker thread as its rows come, so that an export of any length holds one chunk in
 * memory. Text is gathered into chunks of {@value #CHUNK} characters; the first full chunk sends the status and
 * headers (chunked transfer), and each chunk waits until the connection has taken it before the export goes on,
 * so a slow client slows the export down instead of filling the memory. A download that ends within one chunk is
 * sent as one response with its length. Every response call runs on the request's context. Use from one worker
 * thread; {@link #close} and {@link #flush} do nothing ({@link #end} sends the rest).
 */
final class ChunkedDownload extends Writer {
    static final int CHUNK = 64 * 1024;
    /** How long a chunk may wait for a client that does not read before the download is given up. */
    private static final Duration STALLED = Duration.ofSeconds(60);
    private final Context context;
    private final HttpServerResponse response;
    private final Consumer<HttpServerResponse> head;
    private final UnaryOperator<String> encode;
    private final StringBuilder pending = new StringBuilder(CHUNK + 1_024);
    private boolean started;

    /**
     * @param head   sets the status and headers, once, before the first byte
     * @param encode applied to each chunk of text before it is sent (a per-character escape)
     */
    ChunkedDownload(Context context, HttpServerResponse response, Consumer<HttpServerResponse> head,
                    UnaryOperator<String> encode) {
        this.context = context;
        this.response = response;
        this.head = head;
        this.encode = encode;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        pending.append(text, offset, length);
        if (pending.length() >= CHUNK) {
            send(false);
        }
    }

    /** Sends what is left and ends the response. */
    void end() throws IOException {
        send(true);
    }

    /**
     * Sends the text gathered so far and waits until the connection has taken it: the status and headers first
     * if nothing went before (chunked unless this is also the last part, which then carries its length).
     */
    private void send(boolean last) throws IOException {
        String text = take();
        boolean first = !started;
        await(onContext(() -> {
            if (first) {
                head.accept(response);
                response.setChunked(!last);
            }
            return last ? response.end(text) : response.write(text);
        }));
        started = true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private String take() {
        String text = encode.apply(pending.toString());
        pending.setLength(0);
        return text;
    }

    private Future<Void> onContext(Supplier<Future<Void>> action) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(done);
            } catch (RuntimeException e) {
                done.tryFail(e);
            }
        });
        return done.future();
    }

    private static void await(Future<Void> written) throws IOException {
        try {
            written.toCompletionStage().toCompletableFuture().get(STALLED.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the download could not be sent: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the client took nothing for " + STALLED.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending the download", e);
        }
    }
}
