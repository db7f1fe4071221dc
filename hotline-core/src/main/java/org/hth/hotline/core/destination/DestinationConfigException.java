package org.hth.hotline.core.destination;

import org.hth.hotline.core.HotlineException;

/** {@code destinations.yaml} or its environment is invalid; the message names the destination and the key. */
public class DestinationConfigException extends HotlineException {
    private final String item;
    private final String key;

    public DestinationConfigException(String item, String key, String problem) {
        super("destinations: " + item + ": " + key + ": " + problem);
        this.item = item;
        this.key = key;
    }

    /** The destination id (or {@code delivery}). */
    public String item() {
        return item;
    }

    public String key() {
        return key;
    }
}
