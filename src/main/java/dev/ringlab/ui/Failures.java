package dev.ringlab.ui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one line a person reads about a failure: the innermost cause's message, not its wrappers. */
final class Failures {

    private Failures() {
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
