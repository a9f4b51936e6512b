package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void theHandlerHasOneMethodPerCommand() {
        Set<Class<?>> handled = Arrays.stream(Command.Handler.class.getDeclaredMethods())
                .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
        for (Class<?> c : Command.class.getPermittedSubclasses()) {
            assertTrue(handled.contains(c), c.getSimpleName() + " has no Command.Handler method");
        }
        assertEquals(Command.class.getPermittedSubclasses().length, Command.Handler.class.getDeclaredMethods().length);
    }
}
