package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFormatException;
import io.mmbalance.datasets.idx.IdxLabels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@code av-digits}: each FSDD recording (modality "audio", the spectrogram of {@link
 * FsddProvider}) paired with an MNIST image of the same digit (modality "image", 1x28x28,
 * {@code pixel / 255}); classes "0" to "9".
 *
 * <p>The split is FSDD's own (takes 0 to 4 test, 300 recordings; the others train, 2,700), and
 * each recording's image comes from the matching MNIST split: training recordings from the
 * 60,000 training images, test recordings from the 10,000 test images. Pairing scheme {@value
 * #PAIRING}: a split draws from a {@link SplittableRandom} seeded with {@code seed ^
 * 0x6176642d74726e00L} (train) or {@code seed ^ 0x6176642d74737400L} (test); going through all
 * recordings of the split in their order (take, speaker, digit), recording {@code i} of digit
 * {@code d} takes the {@code nextInt(n_d)}-th of the {@code n_d} MNIST images labelled {@code
 * d}, in file order, with replacement. The draws happen before any limit, so a limit keeps the
 * pairs of the recordings it keeps.
 */
public final class AvDigitsProvider implements DatasetProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "av-digits";

    static final String SECTION = "mm.datasets." + NAME;

    static final String PAIRING = "av-digits-pairing-v1";

    private static final long TRAIN_STREAM = 0x6176642d74726e00L;
    private static final long TEST_STREAM = 0x6176642d74737400L;

    private static final Logger LOG = LoggerFactory.getLogger(AvDigitsProvider.class);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public AvDigitsProvider() {}

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
        return "AV-Digits: FSDD spoken digits (audio, log-mel) paired with MNIST images of the"
                + " same digit (image, 1x28x28)";
    }

    /**
     * Returns the defaults of the section {@code mm.datasets.av-digits}: {@code dir}, {@code
     * mnist-dir}, {@code seed}, {@code train-limit}, {@code test-limit} and the {@code audio}
     * recipe.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(SECTION);
    }

    /**
     * Reads one split of FSDD and of MNIST and pairs them.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root and the cache folder are
     * @return the split
     * @throws IOException when a folder or file is missing or malformed, or MNIST has no image
     *     of a digit; the message names the file
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        long seed = ConfigChecks.anyLong(merged, SECTION, "seed");
        String mnistDir = ConfigChecks.nonEmptyString(merged, SECTION, "mnist-dir");
        long start = System.nanoTime();
        IdxSplitLoader.Loaded mnist = IdxSplitLoader.load(
                new ImageDatasetSettings(mnistDir, 0, 0), split, context,
                MnistProvider.CLASSES.size());
        FsddLoader.Loaded audio = FsddLoader.load(merged, SECTION, split, context);
        int[] pairs = pair(audio.all(), mnist.data().labels(), seed, split);
        int[] kept = Arrays.copyOf(pairs, audio.recordings().size());
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("dataset", NAME);
        FsddLoader.describe(audio, split, recipe);
        recipe.put("mnist-folder", mnist.folder().toString());
        recipe.put("mnist-images-sha256", mnist.data().images().sha256());
        recipe.put("mnist-labels-sha256", mnist.data().labels().sha256());
        recipe.put("pairing", PAIRING);
        recipe.put("seed", seed);
        recipe.put("pairs-sha256", sha256(kept));
        Map<String, Object> modalities = new LinkedHashMap<>();
        modalities.put(SpokenDigitsDataset.AUDIO,
                audio.recipe().feature().id() + ", shape " + audio.recipe().shape());
        modalities.put(SpokenDigitsDataset.IMAGE, "pixel / 255 of the paired MNIST image, shape"
                + " (1, " + mnist.data().images().rows() + ", " + mnist.data().images().cols()
                + ")");
        recipe.put("modalities", modalities);
        recipe.put("classes", MnistProvider.CLASSES);
        SpokenDigitsDataset dataset = new SpokenDigitsDataset(audio.recordings(),
                audio.features(), audio.recipe().shape(), mnist.data().images(), kept, recipe);
        LOG.info("Loaded {} {}: {} recordings from {} paired with MNIST images from {} in {} ms"
                        + " ({} features computed, the others read from the cache)", NAME,
                split.id(), dataset.size(), audio.folder(), mnist.folder(),
                (System.nanoTime() - start) / 1_000_000, audio.computed());
        return dataset;
    }

    /** Returns, for each recording in order, the index of its MNIST image. */
    static int[] pair(List<FsddRecording> recordings, IdxLabels labels, long seed, Split split)
            throws IdxFormatException {
        int classes = MnistProvider.CLASSES.size();
        List<List<Integer>> byDigit = new ArrayList<>();
        for (int d = 0; d < classes; d++) {
            byDigit.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.count(); i++) {
            byDigit.get(labels.label(i)).add(i);
        }
        SplittableRandom rng =
                new SplittableRandom(seed ^ (split == Split.TRAIN ? TRAIN_STREAM : TEST_STREAM));
        int[] pairs = new int[recordings.size()];
        for (int i = 0; i < pairs.length; i++) {
            List<Integer> candidates = byDigit.get(recordings.get(i).digit());
            if (candidates.isEmpty()) {
                throw new IdxFormatException(labels.file(), "holds no image of digit "
                        + recordings.get(i).digit() + ", which " + recordings.get(i).file()
                        + " speaks");
            }
            pairs[i] = candidates.get(rng.nextInt(candidates.size()));
        }
        return pairs;
    }

    private static String sha256(int[] values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length);
        buf.asIntBuffer().put(values);
        return Recipes.sha256(buf.array());
    }
}
