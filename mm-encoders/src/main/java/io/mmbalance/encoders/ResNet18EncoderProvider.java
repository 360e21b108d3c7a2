package io.mmbalance.encoders;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.typesafe.config.Config;
import io.mmbalance.api.model.EncoderProvider;

/**
 * ResNet-18 without its classifier: 512 features, averaged over space and, for frame sequences,
 * over time.
 *
 * <p>Input {@code (C, H, W)}: one image or spectrogram. Input {@code (T, C, H, W)}: T frames,
 * folded into the batch for the trunk and averaged with the spatial positions after it. The input
 * channels come from the shape; the key {@code in-channels}, when not 0, states them and must agree
 * with the shape. The key {@code features}, when above 0, adds a linear layer from the 512 pooled
 * features to that many.
 */
public final class ResNet18EncoderProvider implements EncoderProvider {

    private static final String OWNER = "encoder 'resnet18'";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public ResNet18EncoderProvider() {}

    @Override
    public String name() {
        return "resnet18";
    }

    @Override
    public String description() {
        return "ResNet-18 trunk + global average pool over space and frames (512 features)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.encoders.resnet18");
    }

    @Override
    public Block create(Config config, Shape inputShape) {
        check(config, inputShape);
        return new ResNet18(
                inputShape.dimension() == 4, Checks.atLeast(config, "features", 0, OWNER));
    }

    @Override
    public long outputSize(Config config, Shape inputShape) {
        int features = Checks.atLeast(config, "features", 0, OWNER);
        return features > 0 ? features : ResNet18.TRUNK_FEATURES;
    }

    private static void check(Config config, Shape shape) {
        int rank = shape.dimension();
        boolean positive = true;
        for (long d : shape.getShape()) {
            positive &= d > 0;
        }
        if (rank < 3 || rank > 4 || !positive) {
            throw new IllegalArgumentException(
                    OWNER
                            + " needs an image (channels, height, width) or frames (frames,"
                            + " channels, height, width) with positive sizes, got "
                            + shape);
        }
        long channels = shape.get(rank - 3);
        int stated = Checks.atLeast(config, "in-channels", 0, OWNER);
        if (stated > 0 && stated != channels) {
            throw new IllegalArgumentException(
                    OWNER
                            + ": key 'in-channels' holds "
                            + stated
                            + " but the input shape "
                            + shape
                            + " has "
                            + channels
                            + " channels");
        }
    }
}
