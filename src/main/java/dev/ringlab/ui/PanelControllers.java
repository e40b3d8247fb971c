package dev.ringlab.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.util.Callback;

/**
 * Builds the controllers of the window's FXML files for the {@link javafx.fxml.FXMLLoader}: each gets
 * what its public constructor asks for, by type, from the parts the window shares (the session, the
 * view model, the actions, the frame pump...). A new panel (an FXML file with its controller, included
 * from another) therefore needs no line here; and since a controller can only ask for shared parts, it
 * cannot ask for another controller.
 */
final class PanelControllers implements Callback<Class<?>, Object> {

    private final List<Object> parts;
    private final Map<Class<?>, Object> built = new HashMap<>();

    PanelControllers(Object... parts) {
        this.parts = List.of(parts);
    }

    @Override
    public Object call(Class<?> type) {
        List<String> wanted = new ArrayList<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            Object[] arguments = argumentsFor(constructor);
            if (arguments == null) {
                wanted.add(constructor.toGenericString());
                continue;
            }
            try {
                Object controller = constructor.newInstance(arguments);
                built.put(type, controller);
                return controller;
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException broken) {
                throw new IllegalStateException("the controller " + type.getSimpleName() + " could not be built", broken);
            }
        }
        throw new IllegalArgumentException("no controller " + type.getName() + " can be built from the window's parts"
                + (wanted.isEmpty() ? " (it has no public constructor)" : ": " + wanted));
    }

    /** The controller of {@code type} the loader built, or null when no FXML file asked for one. */
    <T> T get(Class<T> type) {
        return type.cast(built.get(type));
    }

    private Object[] argumentsFor(Constructor<?> constructor) {
        Class<?>[] types = constructor.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> wanted = types[i];
            arguments[i] = parts.stream().filter(wanted::isInstance).findFirst().orElse(null);
            if (arguments[i] == null) {
                return null;
            }
        }
        return arguments;
    }
}
