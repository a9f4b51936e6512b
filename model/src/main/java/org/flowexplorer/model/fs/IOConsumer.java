package org.flowexplorer.model.fs;

import java.io.IOException;

/** A {@link java.util.function.Consumer} that may throw {@link IOException}, for file-writing callbacks. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
