package org.hth.hotline.core.telephony.ami;

import java.io.IOException;
import java.util.Optional;

import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.hth.hotline.core.telephony.AmiActions;
import org.hth.hotline.core.telephony.Originate;
import org.hth.hotline.core.telephony.OriginateResult;

/**
 * {@link AmiActions} over the call tracker's live {@link AmiConnection}: an asynchronous {@code Originate} whose
 * {@code OriginateResponse} event is awaited. When the connection is down the action fails at once; it is not
 * queued. Thread-safe; blocks the calling thread (never an event loop) for up to the ring time plus a margin.
 */
public final class ManagerActions implements AmiActions {
    private static final long MARGIN_MS = 5_000;

    private final AmiConnection connection;

    public ManagerActions(AmiConnection connection) {
        this.connection = connection;
    }

    @Override
    public OriginateResult originate(Originate request) {
        Optional<ManagerConnection> live = connection.connected();
        if (live.isEmpty()) {
            return OriginateResult.failed("the PBX is not connected");
        }
        OriginateAction action = new OriginateAction();
        action.setChannel(request.channel());
        action.setApplication(request.application());
        action.setData(request.data());
        action.setCallerId(request.callerId());
        action.setTimeout(request.timeout().toMillis());
        action.setAsync(true);
        action.setVariables(request.variables());
        try {
            ResponseEvents answer = live.get().sendEventGeneratingAction(action,
                    request.timeout().toMillis() + MARGIN_MS);
            if (answer.getResponse() instanceof ManagerError error) {
                return OriginateResult.failed("refused by the PBX: "
                        + SafeText.clean(error.getMessage()).orElse("no reason"));
            }
            for (ResponseEvent event : answer.getEvents()) {
                if (event instanceof OriginateResponseEvent response) {
                    return "Success".equalsIgnoreCase(response.getResponse()) ? OriginateResult.success()
                            : OriginateResult.failed(OriginateResult.reason(response.getReason()));
                }
            }
            return OriginateResult.failed("no outcome from the PBX");
        } catch (EventTimeoutException e) {
            return OriginateResult.failed("no outcome from the PBX within the ring time");
        } catch (IOException | RuntimeException e) {
            return OriginateResult.failed("the PBX could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }
}
