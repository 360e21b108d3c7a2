package io.mmbalance.datasets;

import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxLabels;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the per-sample RGB colours of CG-MNIST from a seed.
 *
 * <p>Scheme {@value #SCHEME}: each split draws from its own {@link SplittableRandom}, seeded
 * with {@code seed ^ 0x747261696e000000L} for train and {@code seed ^ 0x7465737400000000L} for
 * test, sample after sample in index order, so the first {@code n} colours do not depend on a
 * limit. A train sample draws three standard normals {@code z}; its colour is its class colour
 * plus {@code sqrt(jitter-variance) * z}, clipped to [0, 1]. A test sample draws, in this order,
 * {@code u = nextDouble()}, {@code k = nextInt(10)}, three uniform doubles {@code (r, g, b)} and
 * three standard normals; if {@code u < test-own-color-share} it takes its own class colour plus
 * the jitter, otherwise class {@code k}'s colour plus the jitter ({@code random-class}) or
 * {@code (r, g, b)} as it is ({@code uniform-rgb}). A standard normal is {@code sqrt(-2 ln(1 -
 * u1)) cos(2 pi u2)} from two {@code nextDouble()} draws, computed with {@link StrictMath} so
 * the colours are the same on every platform.
 */
final class CgMnistColors {

    static final String SCHEME = "cg-mnist-colors-v1";

    static final List<String> NAMES =
            List.of("red", "green", "blue", "yellow", "magenta", "cyan", "white", "olive",
                    "purple", "teal");

    private static final float[][] CLASS_COLORS = {
        {1.0f, 0.0f, 0.0f},
        {0.0f, 1.0f, 0.0f},
        {0.0f, 0.0f, 1.0f},
        {1.0f, 1.0f, 0.0f},
        {1.0f, 0.0f, 1.0f},
        {0.0f, 1.0f, 1.0f},
        {1.0f, 1.0f, 1.0f},
        {0.5f, 0.5f, 0.0f},
        {0.5f, 0.0f, 0.5f},
        {0.0f, 0.5f, 0.5f},
    };

    private static final long TRAIN_STREAM = 0x747261696e000000L;
    private static final long TEST_STREAM = 0x7465737400000000L;

    private CgMnistColors() {}

    static int classes() {
        return CLASS_COLORS.length;
    }

    static float[][] classColors() {
        float[][] copy = new float[CLASS_COLORS.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = CLASS_COLORS[i].clone();
        }
        return copy;
    }

    static float[] generate(CgMnistSettings settings, Split split, IdxLabels labels) {
        int n = labels.count();
        float[] colors = new float[3 * n];
        double sd = Math.sqrt(settings.jitterVariance());
        boolean train = split == Split.TRAIN;
        SplittableRandom rng =
                new SplittableRandom(settings.seed() ^ (train ? TRAIN_STREAM : TEST_STREAM));
        double[] uniform = new double[3];
        double[] z = new double[3];
        for (int i = 0; i < n; i++) {
            int label = labels.label(i);
            float[] base = CLASS_COLORS[label];
            boolean jitter = true;
            if (!train) {
                double u = rng.nextDouble();
                int k = rng.nextInt(CLASS_COLORS.length);
                for (int c = 0; c < 3; c++) {
                    uniform[c] = rng.nextDouble();
                }
                if (u >= settings.testOwnColorShare()) {
                    if (settings.testColorSource() == TestColorSource.RANDOM_CLASS) {
                        base = CLASS_COLORS[k];
                    } else {
                        base = new float[] {(float) uniform[0], (float) uniform[1],
                            (float) uniform[2]};
                        jitter = false;
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                z[c] = standardNormal(rng);
            }
            for (int c = 0; c < 3; c++) {
                double value = base[c] + (jitter ? sd * z[c] : 0.0);
                colors[3 * i + c] = (float) Math.min(1.0, Math.max(0.0, value));
            }
        }
        return colors;
    }

    static int nearestClass(float r, float g, float b) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < CLASS_COLORS.length; k++) {
            double dr = r - CLASS_COLORS[k][0];
            double dg = g - CLASS_COLORS[k][1];
            double db = b - CLASS_COLORS[k][2];
            double d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Returns a text naming every input of a split's colours; equal texts, equal colours. */
    static String recipeText(CgMnistSettings settings, Split split, IdxLabels labels) {
        String text = String.join(
                ";",
                "scheme=" + SCHEME,
                "split=" + split.id(),
                "seed=" + settings.seed(),
                "samples=" + labels.count(),
                "labels-sha256=" + labels.sha256(),
                "jitter-variance=" + settings.jitterVariance(),
                "class-colors=" + Arrays.deepToString(CLASS_COLORS));
        if (split == Split.TRAIN) {
            return text;
        }
        return text + ";test-own-color-share=" + settings.testOwnColorShare()
                + ";test-color-source=" + settings.testColorSource().id();
    }

    private static double standardNormal(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1))
                * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
