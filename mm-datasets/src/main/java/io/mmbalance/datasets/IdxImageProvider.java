package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens an MNIST-like IDX dataset as one gray modality, "image", of shape (1, 28, 28). */
abstract class IdxImageProvider implements DatasetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(IdxImageProvider.class);

    private final String name;
    private final String description;
    private final List<String> classes;

    IdxImageProvider(String name, String description, List<String> classes) {
        this.name = name;
        this.description = description;
        this.classes = List.copyOf(classes);
    }

    /**
     * Returns the name by which configuration selects this dataset.
     *
     * @return the dataset's name
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * Returns a one-line description of this dataset.
     *
     * @return the description
     */
    @Override
    public String description() {
        return description;
    }

    /**
     * Returns the defaults of this dataset's section {@code mm.datasets.<name>}: {@code dir},
     * {@code train-limit} and {@code test-limit}.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(section());
    }

    /**
     * Reads one split from the folder {@code dir} under the data root.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root is
     * @return the split, with the first {@code train-limit} or {@code test-limit} samples when
     *     that limit is not 0
     * @throws IOException when a file is missing or malformed; the message names the file
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        ImageDatasetSettings settings = ImageDatasetSettings.from(merged, section());
        long start = System.nanoTime();
        IdxSplitLoader.Loaded loaded =
                IdxSplitLoader.load(settings, split, context, classes.size());
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("dataset", name);
        IdxSplitLoader.describe(loaded, split, settings.limit(split), recipe);
        recipe.put("modalities", Map.of(GrayImageDataset.MODALITY, "pixel / 255, shape (1, "
                + loaded.data().images().rows() + ", " + loaded.data().images().cols() + ")"));
        recipe.put("classes", classes);
        GrayImageDataset dataset = new GrayImageDataset(loaded.data(), classes, recipe);
        LOG.info(
                "Loaded {} {}: {} samples from {} in {} ms",
                name,
                split.id(),
                dataset.size(),
                loaded.folder(),
                (System.nanoTime() - start) / 1_000_000);
        return dataset;
    }

    String section() {
        return "mm.datasets." + name;
    }
}
