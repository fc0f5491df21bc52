package org.smartcare.graphql.ws;

import io.micronaut.websocket.WebSocketSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.smartcare.security.Caller;
import reactor.core.Disposable;

/** The protocol state of one WebSocket: whether it is initialised, for whom, and its running operations. */
final class WsConnection {

    enum State { NEW, INITIALISING, ACKNOWLEDGED }

    final WebSocketSession session;
    final Map<String, Disposable> operations = new ConcurrentHashMap<>();
    private State state = State.NEW;
    private Caller caller;
    ScheduledFuture<?> initTimeout;

    WsConnection(WebSocketSession session) {
        this.session = session;
    }

    /** Returns false when an init was already received (the protocol allows one). */
    synchronized boolean beginInit() {
        if (state != State.NEW) {
            return false;
        }
        state = State.INITIALISING;
        return true;
    }

    synchronized void acknowledge(Caller who) {
        caller = who;
        state = State.ACKNOWLEDGED;
        if (initTimeout != null) {
            initTimeout.cancel(false);
        }
    }

    synchronized boolean isAcknowledged() {
        return state == State.ACKNOWLEDGED;
    }

    synchronized Caller caller() {
        return caller;
    }

    void disposeAll() {
        operations.values().forEach(Disposable::dispose);
        operations.clear();
        if (initTimeout != null) {
            initTimeout.cancel(false);
        }
    }
}
