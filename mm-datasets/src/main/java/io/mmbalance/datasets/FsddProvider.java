package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@code fsdd}, the Free Spoken Digit Dataset: one modality "audio" of shape (1, bins,
 * frames), classes "0" to "9".
 *
 * <p>Reads {@code {digit}_{speaker}_{index}.wav} from the folder {@code dir} (default {@code
 * fsdd/recordings}) under the data root, with the dataset's own split: takes 0 to 4 are the
 * test split (300 files), the others the training split (2,700). A split is ordered by take,
 * speaker and digit, so that {@code train-limit} and {@code test-limit} keep every digit. The
 * features follow the recipe in the {@code audio} sub-section (see {@link
 * io.mmbalance.datasets.audio.AudioRecipe}) and are cached per file under the cache folder.
 */
public final class FsddProvider implements DatasetProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "fsdd";

    static final String SECTION = "mm.datasets." + NAME;

    private static final Logger LOG = LoggerFactory.getLogger(FsddProvider.class);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FsddProvider() {}

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
        return "Free Spoken Digit Dataset: one audio modality, a log-mel spectrogram (1, bands,"
                + " frames)";
    }

    /**
     * Returns the defaults of the section {@code mm.datasets.fsdd}: {@code dir}, {@code
     * train-limit}, {@code test-limit} and the {@code audio} recipe.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(SECTION);
    }

    /**
     * Reads one split and computes its features, or reads them from the cache.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root and the cache folder are
     * @return the split
     * @throws IOException when the folder or a file is missing or a WAV file is malformed; the
     *     message names the file
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        long start = System.nanoTime();
        FsddLoader.Loaded loaded = FsddLoader.load(merged, SECTION, split, context);
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("dataset", NAME);
        FsddLoader.describe(loaded, split, recipe);
        recipe.put("modalities", Map.of(SpokenDigitsDataset.AUDIO,
                loaded.recipe().feature().id() + ", shape " + loaded.recipe().shape()));
        recipe.put("classes", MnistProvider.CLASSES);
        SpokenDigitsDataset dataset = new SpokenDigitsDataset(loaded.recordings(),
                loaded.features(), loaded.recipe().shape(), null, null, recipe);
        LOG.info("Loaded {} {}: {} recordings from {} in {} ms ({} features computed, the"
                        + " others read from the cache)", NAME, split.id(), dataset.size(),
                loaded.folder(), (System.nanoTime() - start) / 1_000_000, loaded.computed());
        return dataset;
    }
}
