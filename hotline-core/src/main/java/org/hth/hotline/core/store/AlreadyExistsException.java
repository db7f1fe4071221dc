package org.hth.hotline.core.store;

/** Something was created with an id that is already taken. */
public class AlreadyExistsException extends StoreException {
    private final String id;

    public AlreadyExistsException(String kind, String id) {
        super(kind + " " + id + " already exists");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
