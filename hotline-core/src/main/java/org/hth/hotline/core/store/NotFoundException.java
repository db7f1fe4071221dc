package org.hth.hotline.core.store;

/** An operation named something the store does not hold. */
public class NotFoundException extends StoreException {
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
