package io.mmbalance.datasets;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.mmbalance.datasets.audio.AudioRecipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked settings of the {@code manifest} dataset.
 *
 * @param files the folder of the manifests under the data root, and the limits
 * @param train the training manifest, relative to the folder
 * @param test the test manifest, relative to the folder
 * @param labelColumn the header of the label column
 * @param classes the class names in order, empty for the sorted labels of the training manifest
 * @param modalities the modalities in order
 * @param precomputeAudio whether missing cached audio features are computed when opening
 * @param audio the audio recipe of every audio modality
 */
record ManifestSettings(
        ImageDatasetSettings files,
        String train,
        String test,
        String labelColumn,
        List<String> classes,
        List<Modality> modalities,
        boolean precomputeAudio,
        AudioRecipe audio) {

    /** The kinds of file a modality column names. */
    enum Kind {
        IMAGE,
        AUDIO
    }

    /**
     * One modality of a manifest.
     *
     * @param name the modality's name
     * @param column the header of its column
     * @param kind image or audio
     * @param image the size and normalisation of an image modality, {@code null} for audio
     */
    record Modality(String name, String column, Kind kind, ImageTensors.Format image) {}

    private static final Set<String> ENTRY_KEYS =
            Set.of("name", "column", "kind", "channels", "height", "width", "mean", "std");

    static ManifestSettings from(Config config, String section) {
        ImageDatasetSettings files = ImageDatasetSettings.from(config, section);
        List<String> classes = ConfigChecks.stringList(config, section, "classes");
        if (new HashSet<>(classes).size() != classes.size()) {
            throw ConfigChecks.bad(config, section, "classes", "names a class twice: " + classes);
        }
        List<? extends Config> entries = ConfigChecks.get(config, section, "modalities",
                "a list of objects such as { name = audio, kind = audio }",
                Config::getConfigList);
        if (entries.isEmpty()) {
            throw ConfigChecks.bad(config, section, "modalities", "is empty; list one entry per"
                    + " modality column, e.g. [{ name = audio, kind = audio }, { name = image,"
                    + " kind = image }]");
        }
        Config imageDefaults = config.getConfig("image");
        List<Modality> modalities = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = section + ".modalities[" + i + "]";
            Modality m = modality(entries.get(i), imageDefaults, where);
            if (!names.add(m.name())) {
                throw ConfigChecks.bad(entries.get(i), where, "name",
                        "modality '" + m.name() + "' is listed twice");
            }
            modalities.add(m);
        }
        return new ManifestSettings(
                files,
                ConfigChecks.nonEmptyString(config, section, "train"),
                ConfigChecks.nonEmptyString(config, section, "test"),
                ConfigChecks.nonEmptyString(config, section, "label-column"),
                List.copyOf(classes),
                List.copyOf(modalities),
                ConfigChecks.bool(config, section, "precompute-audio"),
                AudioSettings.from(config, section));
    }

    private static Modality modality(Config entry, Config imageDefaults, String where) {
        for (String key : entry.root().keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw new ConfigException.BadPath(entry.getValue(key).origin(), where + "." + key,
                        "unknown key; a modality takes " + String.join(", ",
                                new TreeSet<>(ENTRY_KEYS)));
            }
        }
        if (!entry.hasPath("name")) {
            throw new ConfigException.Missing(entry.origin(), where + ".name");
        }
        if (!entry.hasPath("kind")) {
            throw new ConfigException.Missing(entry.origin(), where + ".kind");
        }
        String name = ConfigChecks.nonEmptyString(entry, where, "name");
        String column = entry.hasPath("column")
                ? ConfigChecks.nonEmptyString(entry, where, "column") : name;
        Kind kind = ConfigChecks.choice(entry, where, "kind", id -> {
            for (Kind k : Kind.values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("must be image or audio, got '" + id + "'");
        });
        if (kind == Kind.AUDIO) {
            for (String key : List.of("channels", "height", "width", "mean", "std")) {
                if (entry.hasPath(key)) {
                    throw ConfigChecks.bad(entry, where, key, "applies to image modalities only;"
                            + " audio modalities follow the section's audio recipe");
                }
            }
            return new Modality(name, column, kind, null);
        }
        Config e = entry.withFallback(imageDefaults);
        int channels = ConfigChecks.positiveInt(e, where, "channels");
        if (channels != 1 && channels != 3) {
            throw ConfigChecks.bad(e, where, "channels", "must be 1 (luma) or 3 (RGB), got "
                    + channels);
        }
        float[] std = perChannel(e, where, "std", channels);
        for (float v : std) {
            if (!(v > 0)) {
                throw ConfigChecks.bad(e, where, "std", "must hold positive numbers, got " + v);
            }
        }
        ImageTensors.Format format = new ImageTensors.Format(channels,
                ConfigChecks.positiveInt(e, where, "height"),
                ConfigChecks.positiveInt(e, where, "width"),
                perChannel(e, where, "mean", channels), std);
        return new Modality(name, column, kind, format);
    }

    /** Reads one number for all channels or one per channel. */
    private static float[] perChannel(Config config, String where, String key, int channels) {
        int size = ConfigChecks.get(config, where, key, "a list of numbers",
                Config::getDoubleList).size();
        if (size != 1 && size != channels) {
            throw ConfigChecks.bad(config, where, key, "must hold 1 number or " + channels
                    + " (one per channel), got " + size);
        }
        float[] values = ConfigChecks.floatList(config, where, key, size);
        if (size == channels) {
            return values;
        }
        float[] out = new float[channels];
        Arrays.fill(out, values[0]);
        return out;
    }
}
