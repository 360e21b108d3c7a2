package io.mmbalance.encoders;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.typesafe.config.Config;
import io.mmbalance.api.model.EncoderProvider;
import java.util.List;

/**
 * A small CNN for spectrograms {@code (C, mels, frames)}, usually with one channel: per entry of
 * {@code channels} a 3x3 convolution, batch normalisation, ReLU and a 2x2 max-pool; then a global
 * average pool and a linear layer to {@code features}. Mels and frames must each be at least 2 to
 * the power of the number of stages (16 for the default four).
 */
public final class SpecCnnEncoderProvider implements EncoderProvider {

    private static final String OWNER = "encoder 'spec-cnn'";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public SpecCnnEncoderProvider() {}

    @Override
    public String name() {
        return "spec-cnn";
    }

    @Override
    public String description() {
        return "conv-BN-ReLU-pool stages + global average pool + linear (spectrograms)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.encoders.spec-cnn");
    }

    @Override
    public Block create(Config config, Shape inputShape) {
        int[] channels = channels(config);
        int features = Checks.atLeast(config, "features", 1, OWNER);
        long min = SpecCnn.minimumSize(channels.length);
        if (inputShape.dimension() != 3
                || inputShape.get(0) < 1
                || inputShape.get(1) < min
                || inputShape.get(2) < min) {
            throw new IllegalArgumentException(
                    OWNER
                            + " needs a spectrogram (channels, mels, frames) with at least "
                            + min
                            + " mels and frames for "
                            + channels.length
                            + " pooling stages, got "
                            + inputShape);
        }
        return new SpecCnn(channels, features);
    }

    @Override
    public long outputSize(Config config, Shape inputShape) {
        return Checks.atLeast(config, "features", 1, OWNER);
    }

    private static int[] channels(Config config) {
        List<Integer> list = config.getIntList("channels");
        if (list.isEmpty()) {
            throw new IllegalArgumentException(
                    OWNER + ": key 'channels' must list at least one stage");
        }
        int[] channels = new int[list.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = list.get(i);
            if (channels[i] <= 0) {
                throw new IllegalArgumentException(
                        OWNER + ": key 'channels' holds " + channels[i] + "; widths must be > 0");
            }
        }
        return channels;
    }
}
