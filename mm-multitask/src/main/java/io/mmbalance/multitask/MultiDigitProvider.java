package io.mmbalance.multitask;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxImages;
import io.mmbalance.datasets.idx.LabelledImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the MultiMNIST-style providers: builds, caches and opens one split. The cache file is
 * named after a hash of the recipe (the source files' SHA-256, every construction parameter, the
 * seed and the sample count), so a change of any of them builds a new one.
 */
abstract class MultiDigitProvider implements DatasetProvider {

    private static final Logger LOG = LoggerFactory.getLogger(MultiDigitProvider.class);

    /** Returns the class names of the source dataset, in label order. */
    abstract List<String> classes();

    @Override
    public Config defaults() {
        String path = "mm.datasets." + name();
        Config reference =
                ConfigFactory.defaultReference(MultiDigitProvider.class.getClassLoader());
        if (!reference.hasPath(path)) {
            throw new IllegalStateException(
                    "no section " + path + " in reference.conf; the mm-multitask jar is damaged");
        }
        return reference.getConfig(path);
    }

    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Config c = ConfigSections.merge(config, defaults(), "dataset", Set.of("name"));
        Path dir = context.dataRoot().resolve(MultiDigitSettings.dir(c));
        long start = System.nanoTime();
        LabelledImages source;
        try {
            source = IdxFiles.readSplit(dir, split);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    e.getFile(),
                    null,
                    e.getReason()
                            + "; set dataset.dir or data.root (MM_DATA), or run"
                            + " scripts/fetch-data.sh");
        }
        IdxImages images = source.images();
        MultiDigitSettings s = MultiDigitSettings.from(c, images.rows(), images.cols());
        int limit = split == Split.TRAIN ? s.trainLimit() : s.testLimit();
        int count = limit == 0 ? source.size() : Math.min(limit, source.size());
        int area = s.canvas() * s.canvas();
        if ((long) count * area > Integer.MAX_VALUE - 16) {
            throw new ConfigException.BadValue(
                    c.getValue("canvas").origin(),
                    "dataset.canvas",
                    count
                            + " canvases of "
                            + s.canvas()
                            + "x"
                            + s.canvas()
                            + " do not fit one array; lower dataset.canvas or set"
                            + " dataset.train-limit / dataset.test-limit");
        }
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("dataset", name());
        recipe.put("split", split.id());
        recipe.put("scheme", MultiDigitBuilder.SCHEME);
        recipe.put("images", images.file().toString());
        recipe.put("images_sha256", images.sha256());
        recipe.put("labels_sha256", source.labels().sha256());
        recipe.put("size", count);
        recipe.put("canvas", s.canvas());
        recipe.put("left_offset", List.of(s.leftRow(), s.leftCol()));
        recipe.put("right_offset", List.of(s.rightRow(), s.rightCol()));
        recipe.put("noise_rate", s.noiseRate());
        recipe.put("noise_from_column", s.noiseFromColumn());
        recipe.put("seed", s.seed());
        Path cache =
                context.cacheDir() == null
                        ? null
                        : context.cacheDir()
                                .resolve(name() + "-" + split.id() + "-" + hash(recipe) + ".bin");
        MultiDigitBuilder.Built built = MultiDigitCache.read(cache, count, area);
        String how = "read from " + cache;
        if (built == null) {
            built = MultiDigitBuilder.build(source, count, s, split, classes().size());
            MultiDigitCache.write(cache, built, area);
            how = cache == null ? "built, no cache folder" : "built, cached in " + cache;
        }
        LOG.info(
                "Loaded {} {}: {} samples from {} in {} ms ({})",
                name(),
                split.id(),
                count,
                dir,
                (System.nanoTime() - start) / 1_000_000,
                how);
        return new MultiDigitDataset(
                s.canvas(),
                built.pixels(),
                built.left(),
                built.right(),
                classes(),
                Collections.unmodifiableMap(recipe));
    }

    private static String hash(Map<String, Object> recipe) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(recipe.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
