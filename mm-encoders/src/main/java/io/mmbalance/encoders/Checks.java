package io.mmbalance.encoders;

import ai.djl.ndarray.NDList;
import com.typesafe.config.Config;
import java.util.List;

/** Checks of configuration values and of inputs, with messages that name what is wrong. */
final class Checks {

    private Checks() {}

    /** Returns the integer at {@code key}, which must be at least {@code min}. */
    static int atLeast(Config config, String key, int min, String owner) {
        int value = config.getInt(key);
        if (value < min) {
            throw new IllegalArgumentException(
                    owner + ": key '" + key + "' holds " + value + "; it must be >= " + min);
        }
        return value;
    }

    /** Rejects a fusion over other than two modalities. */
    static void requireTwo(List<Long> featureSizes, String owner) {
        if (featureSizes.size() != 2) {
            throw new IllegalArgumentException(
                    owner
                            + " fuses exactly two modalities (x the first, y the second), got "
                            + featureSizes.size()
                            + " with feature sizes "
                            + featureSizes
                            + "; use 'concat' or 'sum' for other counts");
        }
    }

    /** Rejects a forward call with other than two feature batches. */
    static void requireTwo(NDList features, String owner) {
        if (features.size() != 2) {
            throw new IllegalArgumentException(
                    owner + " takes two feature batches, got " + features.size());
        }
    }
}
