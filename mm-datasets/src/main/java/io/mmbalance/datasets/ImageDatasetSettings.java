package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.Split;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The keys every IDX image dataset shares.
 *
 * @param dir the folder of the IDX files, relative to the data root or absolute
 * @param trainLimit how many training samples to keep from the start, 0 for all
 * @param testLimit how many test samples to keep from the start, 0 for all
 */
record ImageDatasetSettings(String dir, int trainLimit, int testLimit) {

    static ImageDatasetSettings from(Config config, String section) {
        return new ImageDatasetSettings(
                ConfigChecks.nonEmptyString(config, section, "dir"),
                ConfigChecks.nonNegativeInt(config, section, "train-limit"),
                ConfigChecks.nonNegativeInt(config, section, "test-limit"));
    }

    int limit(Split split) {
        return split == Split.TRAIN ? trainLimit : testLimit;
    }

    Path folder(DataContext context) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(context.dataRoot(), "context.dataRoot()");
        return context.dataRoot().resolve(dir).toAbsolutePath().normalize();
    }
}
