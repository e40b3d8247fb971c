package dev.ringlab.experiment;

/** A testbed could not be opened or changed as asked; the message is written for the user. */
public final class TestbedException extends RuntimeException {

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }

    public TestbedException(String message) {
        super(message);
    }
}
