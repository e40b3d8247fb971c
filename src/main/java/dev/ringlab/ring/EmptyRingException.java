package dev.ringlab.ring;

/** A request arrived while no server was on the ring. */
public final class EmptyRingException extends IllegalStateException {

    public EmptyRingException() {
        super("no server is on the ring");
    }
}
