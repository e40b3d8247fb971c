package dev.ringlab.balancer;

/** A request the balancer refuses as it is; the message is the one line the client reads after {@code <Error>}. */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
