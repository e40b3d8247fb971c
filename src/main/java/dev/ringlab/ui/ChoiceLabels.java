package dev.ringlab.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box names its items: the words the user reads, and back from them; empty for none. */
final class ChoiceLabels {

    private ChoiceLabels() {
    }

    static <T> StringConverter<T> of(Function<T, String> label, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }
}
