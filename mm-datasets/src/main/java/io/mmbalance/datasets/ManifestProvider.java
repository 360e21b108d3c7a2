package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.DatasetProvider;
import io.mmbalance.api.data.MultimodalDataset;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.csv.CsvFiles;
import io.mmbalance.datasets.csv.CsvFormatException;
import io.mmbalance.datasets.csv.CsvRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides {@code manifest}: a dataset assembled by configuration from one CSV per split, whose
 * header names a column per modality and a label column.
 *
 * <p>Each modality cell holds the path of one file relative to the folder of the manifest:
 * an image (any format {@code javax.imageio} reads) becomes (channels, height, width) values,
 * resized and normalised as its entry in {@code modalities} says; a WAV file becomes the
 * spectrogram (1, bins, frames) of the {@code audio} recipe, cached per file. A path that is
 * absolute, climbs out of the manifest's folder with {@code ..}, or resolves through a symbolic
 * link to a file outside it is rejected, naming the line, the column and the path; so is a
 * missing file. Class order: {@code classes}, or else the sorted distinct labels of the
 * training manifest.
 */
public final class ManifestProvider implements DatasetProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "manifest";

    static final String SECTION = "mm.datasets." + NAME;

    private static final Logger LOG = LoggerFactory.getLogger(ManifestProvider.class);

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ManifestProvider() {}

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
        return "A custom dataset from CSV manifests: one image or WAV column per modality and a"
                + " label column";
    }

    /**
     * Returns the defaults of the section {@code mm.datasets.manifest}: {@code dir}, {@code
     * train}, {@code test}, {@code label-column}, {@code classes}, {@code modalities}, the
     * {@code image} defaults of image modalities, {@code precompute-audio}, the limits and the
     * {@code audio} recipe.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(SECTION);
    }

    /**
     * Reads one split's manifest and checks every path in it.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root and the cache folder are
     * @return the split; images are decoded when samples are copied
     * @throws IOException when a manifest or a file is missing, a column is absent, a label is
     *     not a class, or a path leaves the manifest's folder; the message names the file,
     *     line and column
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        ManifestSettings s = ManifestSettings.from(merged, SECTION);
        long start = System.nanoTime();
        Path folder = s.files().folder(context);
        Path manifest = folder.resolve(split == Split.TRAIN ? s.train() : s.test()).normalize();
        Table table = Table.read(manifest, s);
        boolean classesFromTrain = s.classes().isEmpty();
        List<String> classes = s.classes();
        if (classesFromTrain) {
            Table train = split == Split.TRAIN ? table
                    : Table.read(folder.resolve(s.train()).normalize(), s);
            TreeSet<String> labels = new TreeSet<>();
            for (CsvRow row : train.rows()) {
                labels.add(row.cell(train.labelColumn()));
            }
            classes = List.copyOf(labels);
        }
        Path root = manifest.toAbsolutePath().getParent().toRealPath();
        int limit = s.files().limit(split);
        List<CsvRow> rows = limit == 0 || limit >= table.rows().size()
                ? table.rows() : table.rows().subList(0, limit);
        List<List<Path>> files = new ArrayList<>();
        for (int m = 0; m < s.modalities().size(); m++) {
            files.add(new ArrayList<>());
        }
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            CsvRow row = rows.get(i);
            String label = row.cell(table.labelColumn());
            labels[i] = classes.indexOf(label);
            if (labels[i] < 0) {
                throw new CsvFormatException(manifest, row.line(), "label '" + label
                        + "' is not one of the classes " + classes);
            }
            for (int m = 0; m < s.modalities().size(); m++) {
                ManifestSettings.Modality mod = s.modalities().get(m);
                files.get(m).add(resolve(manifest, row, mod.column(),
                        row.cell(table.columns()[m]), root));
            }
        }
        AudioFeatureCache cache = new AudioFeatureCache(context.cacheDir(), s.audio());
        List<FileModality> modalities = new ArrayList<>();
        int computed = 0;
        for (int m = 0; m < s.modalities().size(); m++) {
            ManifestSettings.Modality mod = s.modalities().get(m);
            if (mod.kind() == ManifestSettings.Kind.AUDIO) {
                modalities.add(new AudioModality(mod.name(), files.get(m), cache));
                if (s.precomputeAudio() && cache.folder() != null) {
                    for (Path f : files.get(m)) {
                        if (!cache.isCached(f)) {
                            cache.features(f);
                            computed++;
                        }
                    }
                }
            } else {
                modalities.add(new ImageModality(mod.name(), files.get(m), mod.image()));
            }
        }
        FileDataset dataset = new FileDataset(modalities, labels, classes,
                recipe(s, split, manifest, table.rows().size(), classes, classesFromTrain,
                        labels.length));
        LOG.info("Loaded {} {}: {} rows of {} in {} ms ({} audio features computed)", NAME,
                split.id(), dataset.size(), manifest, (System.nanoTime() - start) / 1_000_000,
                computed);
        return dataset;
    }

    /** Resolves one path cell inside the manifest's folder, or explains why it cannot. */
    static Path resolve(Path manifest, CsvRow row, String column, String cell, Path root)
            throws IOException {
        String where = "column '" + column + "': path '" + cell + "'";
        if (cell.isEmpty()) {
            throw new CsvFormatException(manifest, row.line(), "column '" + column
                    + "' is empty; it must name a file");
        }
        Path resolved = DataPaths.inside(root, cell);
        if (resolved == null) {
            throw new CsvFormatException(manifest, row.line(), where + " leaves the manifest's"
                    + " folder " + root + "; paths must be relative and stay inside it");
        }
        if (!Files.exists(resolved)) {
            throw new CsvFormatException(manifest, row.line(), where + " names no file ("
                    + resolved + ")");
        }
        Path real = resolved.toRealPath();
        if (!real.startsWith(root)) {
            throw new CsvFormatException(manifest, row.line(), where + " leads through a"
                    + " symbolic link to " + real + ", outside the manifest's folder " + root);
        }
        if (!Files.isRegularFile(real)) {
            throw new CsvFormatException(manifest, row.line(), where + " is not a regular file");
        }
        return real;
    }

    private static Map<String, Object> recipe(ManifestSettings s, Split split, Path manifest,
            int rows, List<String> classes, boolean classesFromTrain, int size)
            throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", NAME);
        r.put("split", split.id());
        r.put("manifest", manifest.toString());
        r.put("manifest-sha256", Recipes.sha256(Files.readAllBytes(manifest)));
        r.put("rows", rows);
        r.put("limit", s.files().limit(split));
        r.put("size", size);
        r.put("label-column", s.labelColumn());
        r.put("classes", classes);
        r.put("class-order", classesFromTrain ? "sorted distinct labels of " + s.train()
                : "configured");
        Map<String, Object> modalities = new LinkedHashMap<>();
        boolean audio = false;
        for (ManifestSettings.Modality m : s.modalities()) {
            if (m.kind() == ManifestSettings.Kind.AUDIO) {
                audio = true;
                modalities.put(m.name(), "column " + m.column() + ", WAV, " + s.audio().feature()
                        .id() + ", shape " + s.audio().shape());
            } else {
                ImageTensors.Format f = m.image();
                modalities.put(m.name(), "column " + m.column() + ", image, shape ("
                        + f.channels() + ", " + f.height() + ", " + f.width() + "), antialiased"
                        + " bilinear resize, (pixel / 255 - mean) / std with mean "
                        + Arrays.toString(f.mean()) + " and std "
                        + Arrays.toString(f.std()));
            }
        }
        r.put("modalities", modalities);
        if (audio) {
            r.put("audio", s.audio().describe());
        }
        return r;
    }

    /** A manifest's rows with the positions of the label and modality columns. */
    private record Table(List<CsvRow> rows, int labelColumn, int[] columns) {

        static Table read(Path manifest, ManifestSettings s) throws IOException {
            if (!Files.isRegularFile(manifest)) {
                throw new NoSuchFileException(manifest.toString(), null, "no such manifest; the"
                        + " keys dir, train and test name it");
            }
            List<CsvRow> all = CsvFiles.read(manifest);
            if (all.isEmpty()) {
                throw new CsvFormatException(manifest, 0, "is empty; it needs a header row");
            }
            CsvRow header = all.get(0);
            int label = column(manifest, header, s.labelColumn(), "label-column");
            int[] columns = new int[s.modalities().size()];
            for (int m = 0; m < columns.length; m++) {
                columns[m] = column(manifest, header, s.modalities().get(m).column(),
                        "modality " + s.modalities().get(m).name());
            }
            List<CsvRow> rows = all.subList(1, all.size());
            for (CsvRow row : rows) {
                if (row.size() != header.size()) {
                    throw new CsvFormatException(manifest, row.line(), "holds " + row.size()
                            + " cells, but the header names " + header.size() + " columns");
                }
            }
            if (rows.isEmpty()) {
                throw new CsvFormatException(manifest, 0, "holds a header but no rows");
            }
            return new Table(List.copyOf(rows), label, columns);
        }

        private static int column(Path manifest, CsvRow header, String name, String what)
                throws CsvFormatException {
            int index = header.cells().indexOf(name);
            if (index < 0) {
                throw new CsvFormatException(manifest, header.line(), "the header has no column '"
                        + name + "' (" + what + "); its columns are " + header.cells());
            }
            return index;
        }
    }
}
