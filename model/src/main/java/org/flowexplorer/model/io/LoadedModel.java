package org.flowexplorer.model.io;

import java.util.Objects;
import org.flowexplorer.model.flow.RealNVP;

/** A model read from a file, with whatever metadata the file carried ({@link ModelMetadata#none()} for a bare state_dict). */
public record LoadedModel(RealNVP model, ModelMetadata metadata) {
    public LoadedModel {
        Objects.requireNonNull(model, "model");
        metadata = metadata == null ? ModelMetadata.none() : metadata;
    }
}
