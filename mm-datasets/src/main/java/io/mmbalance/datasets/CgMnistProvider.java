package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@code cg-mnist}, colored-and-gray MNIST: two modalities built from MNIST image i,
 * "gray" (1x28x28, the digit as is) and "color" (3x28x28, the same strokes tinted with one RGB
 * colour on black).
 *
 * <p>Ten fixed class colours, digits 0 to 9: red (1, 0, 0), green (0, 1, 0), blue (0, 0, 1),
 * yellow (1, 1, 0), magenta (1, 0, 1), cyan (0, 1, 1), white (1, 1, 1), olive (0.5, 0.5, 0),
 * purple (0.5, 0, 0.5) and teal (0, 0.5, 0.5); any two lie at least 0.707 apart. A training
 * image takes its label's colour plus Gaussian jitter of variance {@code jitter-variance} per
 * channel, clipped to [0, 1], so the colour almost gives the label away. A test image takes
 * the colour of a uniformly drawn class plus the same jitter ({@code test-color-source =
 * random-class}) or a uniformly drawn RGB colour ({@code uniform-rgb}), except a share {@code
 * test-own-color-share} of test images that keep their own class colour. The colours follow
 * from {@code seed} alone (see the scheme below) and are cached under the context's cache
 * folder in a file keyed by a hash of everything they depend on.
 *
 * <p>Colour scheme {@code cg-mnist-colors-v1}: each split draws from its own {@link
 * java.util.SplittableRandom}, sample after sample; a test sample draws whether it keeps its
 * own colour, a class, an RGB triple and the jitter whatever the settings, so changing the
 * colour source or share does not move the other draws.
 */
public final class CgMnistProvider implements DatasetProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "cg-mnist";

    static final String SECTION = "mm.datasets." + NAME;

    private static final Logger LOG = LoggerFactory.getLogger(CgMnistProvider.class);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public CgMnistProvider() {}

    /**
     * Returns the name by which configuration selects this dataset.
     *
     * @return {@value #NAME}
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Returns a one-line description of this dataset.
     *
     * @return the description
     */
    @Override
    public String description() {
        return "Colored-and-gray MNIST: modalities gray (1x28x28) and color (3x28x28), the"
                + " colour a shortcut to the label in train only";
    }

    /**
     * Returns the defaults of the section {@code mm.datasets.cg-mnist}: {@code dir}, {@code
     * train-limit}, {@code test-limit}, {@code seed}, {@code jitter-variance}, {@code
     * test-own-color-share} and {@code test-color-source}.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(SECTION);
    }

    /**
     * Reads one split of MNIST and gives each sample its colour, from the cache when a valid
     * one exists.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root is and where the colours are cached; a {@code null}
     *     cache folder turns caching off
     * @return the split
     * @throws IOException when a file is missing or malformed; the message names the file
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        CgMnistSettings settings = CgMnistSettings.from(merged, SECTION);
        long start = System.nanoTime();
        IdxSplitLoader.Loaded loaded = IdxSplitLoader.load(
                settings.images(), split, context, CgMnistColors.classes());
        IdxLabels labels = loaded.data().labels();
        byte[] key = FloatArrayCache.key(CgMnistColors.recipeText(settings, split, labels));
        Path cacheFile = context.cacheDir() == null
                ? null
                : FloatArrayCache.file(context.cacheDir(), NAME + "-colors-" + split.id(), key);
        float[] colors = cacheFile == null
                ? null
                : FloatArrayCache.read(cacheFile, key, 3 * labels.count());
        boolean cached = colors != null;
        if (!cached) {
            colors = CgMnistColors.generate(settings, split, labels);
            if (cacheFile != null) {
                store(cacheFile, key, colors);
            }
        }
        CgMnistDataset dataset = new CgMnistDataset(
                loaded.data(), colors, MnistProvider.CLASSES, recipe(settings, split, loaded));
        LOG.info(
                "Loaded {} {}: {} samples from {} in {} ms (colours {})",
                NAME,
                split.id(),
                dataset.size(),
                loaded.folder(),
                (System.nanoTime() - start) / 1_000_000,
                cached ? "read from " + cacheFile : "built");
        return dataset;
    }

    private static void store(Path cacheFile, byte[] key, float[] colors) {
        try {
            FloatArrayCache.write(cacheFile, key, colors);
        } catch (IOException e) {
            LOG.warn("Cannot cache the CG-MNIST colours in {}; they will be rebuilt next time: {}",
                    cacheFile, e.toString());
        }
    }

    private static Map<String, Object> recipe(
            CgMnistSettings settings, Split split, IdxSplitLoader.Loaded loaded) {
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("dataset", NAME);
        IdxSplitLoader.describe(loaded, split, settings.images().limit(split), recipe);
        int rows = loaded.data().images().rows();
        int cols = loaded.data().images().cols();
        Map<String, Object> modalities = new LinkedHashMap<>();
        modalities.put(CgMnistDataset.GRAY, "pixel / 255, shape (1, " + rows + ", " + cols + ")");
        modalities.put(CgMnistDataset.COLOR,
                "pixel / 255 * rgb[channel], shape (3, " + rows + ", " + cols + ")");
        recipe.put("modalities", modalities);
        recipe.put("classes", MnistProvider.CLASSES);
        recipe.put("seed", settings.seed());
        recipe.put("jitter-variance", settings.jitterVariance());
        recipe.put("test-own-color-share", settings.testOwnColorShare());
        recipe.put("test-color-source", settings.testColorSource().id());
        recipe.put("color-scheme", CgMnistColors.SCHEME);
        recipe.put("class-color-names", CgMnistColors.NAMES);
        recipe.put("class-colors", Recipes.colors(CgMnistColors.classColors()));
        return recipe;
    }
}
