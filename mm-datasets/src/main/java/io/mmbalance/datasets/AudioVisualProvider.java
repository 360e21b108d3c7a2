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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an audio-visual dataset in the layout of the OGM-GE code: one {@code clip,label} list
 * per split, one audio file per clip and one folder of frames per clip.
 *
 * <p>A list is a UTF-8 CSV, with or without a byte-order mark; its first row is a header when
 * its second cell is {@code label} (any case); further columns are ignored. A clip's audio
 * file is {@code <dir>/<audio-dir>/<audio-pattern>} and its frames are the files matching
 * {@code frame-glob} in {@code <dir>/<visual-dir>/<visual-pattern>}, where the patterns may
 * use {@code {clip}} and {@code {label}}. Modalities: "audio" (1, bins, frames) from the
 * {@code audio} recipe, cached per file; "visual" (frames, 3, height, width), the frames that
 * {@link FramesModality} chooses, decoded when read. Class order: {@code classes}, or else the
 * sorted distinct labels of the training list, recorded in the recipe.
 */
abstract class AudioVisualProvider implements DatasetProvider {

    static final String AUDIO = "audio";
    static final String VISUAL = "visual";

    private static final Logger LOG = LoggerFactory.getLogger(AudioVisualProvider.class);

    private final String name;
    private final String description;

    AudioVisualProvider(String name, String description) {
        this.name = name;
        this.description = description;
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
     * Returns the defaults of this dataset's section {@code mm.datasets.<name>}: the folder and
     * file patterns, the frame count, size and normalisation, the class order, the seed, the
     * limits and the {@code audio} recipe.
     *
     * @return the defaults from {@code reference.conf}
     */
    @Override
    public Config defaults() {
        return Defaults.section(section());
    }

    /**
     * Reads one split's clip list, checks each clip's files and, unless told otherwise,
     * computes the audio features missing from the cache.
     *
     * @param config the dataset section; missing keys take their defaults
     * @param split the split
     * @param context where the data root and the cache folder are
     * @return the split; frames are decoded when samples are copied
     * @throws IOException when a list is missing or malformed, a label is not a class, or
     *     (with {@code on-missing = fail}) a clip's files are missing; the message names the
     *     file and line
     * @throws com.typesafe.config.ConfigException when a value is invalid; the message names
     *     the key
     */
    @Override
    public MultimodalDataset open(Config config, Split split, DataContext context)
            throws IOException {
        Objects.requireNonNull(split, "split");
        Config merged = Objects.requireNonNull(config, "config").withFallback(defaults());
        AudioVisualSettings s = AudioVisualSettings.from(merged, section());
        long start = System.nanoTime();
        Path folder = s.folder(context);
        Path csv = folder.resolve(s.csv(split));
        List<CsvRow> rows = clipRows(csv);
        boolean classesFromTrain = s.classes().isEmpty();
        List<String> classes = classesFromTrain
                ? sortedLabels(split == Split.TRAIN ? rows : clipRows(folder.resolve(
                        s.trainCsv())))
                : s.classes();
        Path audioRoot = folder.resolve(s.audioDir()).normalize();
        Path visualRoot = folder.resolve(s.visualDir()).normalize();
        List<Path> audioFiles = new ArrayList<>();
        List<List<Path>> frames = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int limit = s.files().limit(split);
        for (CsvRow row : rows) {
            if (limit > 0 && labels.size() == limit) {
                break;
            }
            String clip = row.cell(0);
            String label = row.cell(1);
            int classIndex = classes.indexOf(label);
            if (classIndex < 0) {
                throw new CsvFormatException(csv, row.line(), "label '" + label + "' of clip '"
                        + clip + "' is not one of the classes " + classes
                        + (classesFromTrain ? " (the labels of " + s.trainCsv() + ")"
                                : " (key classes)"));
            }
            Path audio = confined(csv, row, audioRoot, DataPaths.fill(s.audioPattern(), clip,
                    label));
            Path visual = confined(csv, row, visualRoot, DataPaths.fill(s.visualPattern(), clip,
                    label));
            String problem = null;
            List<Path> clipFrames = List.of();
            if (!Files.isRegularFile(audio)) {
                problem = "no audio file " + audio;
            } else if (!Files.isDirectory(visual)) {
                problem = "no frame folder " + visual;
            } else {
                clipFrames = DataPaths.list(visual, s.frameGlob());
                if (clipFrames.isEmpty()) {
                    problem = "no file matching " + s.frameGlob() + " in " + visual;
                }
            }
            if (problem != null) {
                if (!s.skipMissing()) {
                    throw new NoSuchFileException(csv.toString(), null, "line " + row.line()
                            + ": clip '" + clip + "' has " + problem
                            + "; set on-missing = skip to leave such clips out");
                }
                missing.add("line " + row.line() + ": " + problem);
                continue;
            }
            audioFiles.add(audio);
            frames.add(clipFrames);
            labels.add(classIndex);
        }
        if (!missing.isEmpty()) {
            LOG.warn("{} {}: skipped {} clip(s) of {} whose files are missing, first {}", name,
                    split.id(), missing.size(), csv, missing.get(0));
        }
        if (labels.isEmpty()) {
            throw new CsvFormatException(csv, 0, "lists no clip whose audio file and frames"
                    + " exist under " + folder);
        }
        AudioFeatureCache cache = new AudioFeatureCache(context.cacheDir(), s.audio());
        int computed = s.precomputeAudio() ? precompute(cache, audioFiles, split) : 0;
        FileModality audio = new AudioModality(AUDIO, audioFiles, cache);
        FileModality visual = new FramesModality(VISUAL, frames, s.frames(), s.image(),
                split == Split.TRAIN, s.flip(), s.seed());
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Object> recipe = recipe(s, split, folder, csv, rows.size(), missing.size(),
                classes, classesFromTrain, labelArray.length);
        FileDataset dataset = new FileDataset(List.of(audio, visual), labelArray, classes,
                recipe);
        LOG.info("Loaded {} {}: {} clips from {} in {} ms ({} audio features computed)", name,
                split.id(), dataset.size(), folder, (System.nanoTime() - start) / 1_000_000,
                computed);
        return dataset;
    }

    String section() {
        return "mm.datasets." + name;
    }

    private static Path confined(Path csv, CsvRow row, Path root, String relative)
            throws CsvFormatException {
        Path p = DataPaths.inside(root, relative);
        if (p == null) {
            throw new CsvFormatException(csv, row.line(), "clip '" + row.cell(0) + "' gives the"
                    + " path '" + relative + "', which leaves the folder " + root);
        }
        return p;
    }

    /** Reads a clip list without its header; every row has at least a clip and a label. */
    static List<CsvRow> clipRows(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new NoSuchFileException(csv.toString(), null,
                    "no such clip list; expected a CSV of clip,label rows");
        }
        List<CsvRow> rows = new ArrayList<>(CsvFiles.read(csv));
        if (!rows.isEmpty() && rows.get(0).size() >= 2
                && rows.get(0).cell(1).equalsIgnoreCase("label")) {
            rows.remove(0);
        }
        for (CsvRow row : rows) {
            if (row.size() < 2 || row.cell(0).isEmpty() || row.cell(1).isEmpty()) {
                throw new CsvFormatException(csv, row.line(), "expected clip,label but found "
                        + row.cells());
            }
        }
        return rows;
    }

    private static List<String> sortedLabels(List<CsvRow> rows) {
        TreeSet<String> labels = new TreeSet<>();
        for (CsvRow row : rows) {
            labels.add(row.cell(1));
        }
        return List.copyOf(labels);
    }

    private int precompute(AudioFeatureCache cache, List<Path> files, Split split)
            throws IOException {
        if (cache.folder() == null) {
            return 0;
        }
        int computed = 0;
        long last = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            if (!cache.isCached(files.get(i))) {
                cache.features(files.get(i));
                computed++;
                if (System.nanoTime() - last > 10_000_000_000L) {
                    last = System.nanoTime();
                    LOG.info("{} {}: audio features of {} of {} clips ready", name, split.id(),
                            i + 1, files.size());
                }
            }
        }
        return computed;
    }

    private Map<String, Object> recipe(AudioVisualSettings s, Split split, Path folder, Path csv,
            int listed, int skipped, List<String> classes, boolean classesFromTrain, int size)
            throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", name);
        r.put("split", split.id());
        r.put("folder", folder.toString());
        r.put("clip-list", csv.getFileName().toString());
        r.put("clip-list-sha256", Recipes.sha256(Files.readAllBytes(csv)));
        r.put("listed", listed);
        r.put("skipped-missing", skipped);
        r.put("limit", s.files().limit(split));
        r.put("size", size);
        r.put("classes", classes);
        r.put("class-order", classesFromTrain
                ? "sorted distinct labels of " + s.trainCsv() : "configured");
        r.put("audio-file", s.audioDir() + "/" + s.audioPattern());
        r.put("frame-folder", s.visualDir() + "/" + s.visualPattern());
        r.put("frame-glob", s.frameGlob());
        r.put("frames", s.frames());
        r.put("frame-choice", split == Split.TRAIN
                ? "one uniformly drawn frame in each of " + s.frames() + " equal segments,"
                        + " redrawn on each read (seeded)"
                : "the middle frame of each of " + s.frames() + " equal segments");
        r.put("image-size", List.of(s.image().height(), s.image().width()));
        r.put("resize", "antialiased bilinear (triangle kernel), as Pillow");
        r.put("mean", floats(s.image().mean()));
        r.put("std", floats(s.image().std()));
        r.put("train-horizontal-flip", s.flip());
        r.put("seed", s.seed());
        Map<String, Object> modalities = new LinkedHashMap<>();
        modalities.put(AUDIO, s.audio().feature().id() + ", shape " + s.audio().shape());
        modalities.put(VISUAL, "frames, shape (" + s.frames() + ", 3, " + s.image().height()
                + ", " + s.image().width() + "), (pixel / 255 - mean) / std per RGB channel");
        r.put("modalities", modalities);
        r.put("audio", s.audio().describe());
        return r;
    }

    private static List<Double> floats(float[] values) {
        List<Double> out = new ArrayList<>();
        for (float v : values) {
            out.add((double) v);
        }
        return List.copyOf(out);
    }
}
