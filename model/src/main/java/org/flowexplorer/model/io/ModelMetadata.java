package org.flowexplorer.model.io;

import java.time.Instant;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * What a native model file records besides the architecture and parameters. Every part is
 * optional: {@code null} means unknown (a PyTorch state_dict carries none of it).
 *
 * @param training   the settings the model was trained with (batch size, lr, clip norm, shuffle seed), or null
 * @param steps      optimisation steps taken (0 if untrained or unknown)
 * @param dataset    the data it was trained on, or null
 * @param createdAt  when the file was written; {@link ModelFile#save} fills in the current time when null
 * @param appVersion version string of the application that wrote the file, or null
 * @param lossHistory the training (and test) loss curve, or null when not recorded (stored as
 *                    {@code history/train.npy} and {@code history/test.npy}, see {@link ModelFile})
 */
public record ModelMetadata(TrainingConfig training, long steps, DatasetInfo dataset, Instant createdAt, String appVersion,
        org.flowexplorer.model.train.LossSnapshot lossHistory) {

    /** Metadata without a loss history (the original five-part form). */
    public ModelMetadata(TrainingConfig training, long steps, DatasetInfo dataset, Instant createdAt, String appVersion) {
        this(training, steps, dataset, createdAt, appVersion, null);
    }

    public ModelMetadata {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
    }

    /**
     * The training data, as far as known: a toy data set's id (e.g. {@code "moons"}) or a file
     * name, the number of points, and for toy data the noise level and generator seed.
     */
    public record DatasetInfo(String name, Integer n, Double noise, Long seed) {
        public DatasetInfo {
            if (n != null && n < 0) {
                throw new IllegalArgumentException("dataset size must not be negative, got " + n);
            }
        }

        public static DatasetInfo named(String name) {
            return new DatasetInfo(name, null, null, null);
        }
    }

    private static final ModelMetadata NONE = new ModelMetadata(null, 0, null, null, null);

    /** Nothing known. */
    public static ModelMetadata none() {
        return NONE;
    }

    /** Trained with {@code config} for {@code steps} steps; nothing else known. */
    public static ModelMetadata trained(TrainingConfig config, long steps) {
        return new ModelMetadata(config, steps, null, null, null);
    }

    public ModelMetadata withTraining(TrainingConfig config, long steps) {
        return new ModelMetadata(config, steps, dataset, createdAt, appVersion, lossHistory);
    }

    public ModelMetadata withDataset(DatasetInfo info) {
        return new ModelMetadata(training, steps, info, createdAt, appVersion, lossHistory);
    }

    public ModelMetadata withCreatedAt(Instant time) {
        return new ModelMetadata(training, steps, dataset, time, appVersion, lossHistory);
    }

    public ModelMetadata withAppVersion(String version) {
        return new ModelMetadata(training, steps, dataset, createdAt, version, lossHistory);
    }

    /** With this loss history (null or empty removes it). */
    public ModelMetadata withLossHistory(org.flowexplorer.model.train.LossSnapshot history) {
        return new ModelMetadata(training, steps, dataset, createdAt, appVersion,
                history == null || history.isEmpty() ? null : history);
    }
}
