package org.flowexplorer.app.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.flowexplorer.model.flow.CouplingType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --coupling} by {@link CouplingType#id()}; the error lists the types the enum has. */
final class CouplingConverter implements ITypeConverter<CouplingType>, Iterable<String> {
    @Override
    public CouplingType convert(String value) {
        try {
            return CouplingType.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '" + value + "'");
        }
    }

    /** The valid values, also picocli's completion candidates. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(CouplingType.values()).map(CouplingType::id).iterator();
    }
}
