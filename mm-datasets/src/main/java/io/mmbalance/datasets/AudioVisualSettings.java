package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.api.data.DataContext;
import io.mmbalance.api.data.Split;
import io.mmbalance.datasets.audio.AudioRecipe;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * The checked settings of an audio-visual dataset in the OGM-GE layout ({@code cremad},
 * {@code kinetics-sounds}).
 *
 * @param files the folder under the data root and the limits
 * @param trainCsv the training clip list, relative to the folder
 * @param testCsv the test clip list, relative to the folder
 * @param audioDir the folder of the audio files, relative to the folder
 * @param audioPattern a clip's audio file in {@code audioDir}, with {@code {clip}} and {@code
 *     {label}}
 * @param visualDir the folder of the frame folders, relative to the folder
 * @param visualPattern a clip's frame folder in {@code visualDir}
 * @param frameGlob the glob that frame file names match
 * @param frames the number of frames per sample
 * @param image the size and normalisation of a frame
 * @param flip whether training frames are mirrored with probability 1/2
 * @param seed the seed of the training frame choice
 * @param classes the class names in order, empty for the sorted labels of the training list
 * @param skipMissing whether clips without their files are skipped (otherwise an error)
 * @param precomputeAudio whether missing cached audio features are computed when opening
 * @param audio the audio recipe
 */
record AudioVisualSettings(
        ImageDatasetSettings files,
        String trainCsv,
        String testCsv,
        String audioDir,
        String audioPattern,
        String visualDir,
        String visualPattern,
        String frameGlob,
        int frames,
        ImageTensors.Format image,
        boolean flip,
        long seed,
        List<String> classes,
        boolean skipMissing,
        boolean precomputeAudio,
        AudioRecipe audio) {

    static AudioVisualSettings from(Config config, String section) {
        ImageDatasetSettings files = ImageDatasetSettings.from(config, section);
        String audioPattern = ConfigChecks.nonEmptyString(config, section, "audio-pattern");
        if (!audioPattern.contains("{clip}")) {
            throw ConfigChecks.bad(config, section, "audio-pattern",
                    "must contain {clip}, got '" + audioPattern + "'");
        }
        String visualPattern = ConfigChecks.nonEmptyString(config, section, "visual-pattern");
        if (!visualPattern.contains("{clip}")) {
            throw ConfigChecks.bad(config, section, "visual-pattern",
                    "must contain {clip}, got '" + visualPattern + "'");
        }
        ImageTensors.Format image = new ImageTensors.Format(3,
                ConfigChecks.positiveInt(config, section, "image-height"),
                ConfigChecks.positiveInt(config, section, "image-width"),
                ConfigChecks.floatList(config, section, "mean", 3),
                positive(config, section, "std"));
        List<String> classes = ConfigChecks.stringList(config, section, "classes");
        if (new HashSet<>(classes).size() != classes.size()) {
            throw ConfigChecks.bad(config, section, "classes",
                    "names a class twice: " + classes);
        }
        String missing = ConfigChecks.nonEmptyString(config, section, "on-missing");
        if (!missing.equals("skip") && !missing.equals("fail")) {
            throw ConfigChecks.bad(config, section, "on-missing",
                    "must be skip or fail, got '" + missing + "'");
        }
        return new AudioVisualSettings(
                files,
                ConfigChecks.nonEmptyString(config, section, "train-csv"),
                ConfigChecks.nonEmptyString(config, section, "test-csv"),
                ConfigChecks.nonEmptyString(config, section, "audio-dir"),
                audioPattern,
                ConfigChecks.nonEmptyString(config, section, "visual-dir"),
                visualPattern,
                ConfigChecks.nonEmptyString(config, section, "frame-glob"),
                ConfigChecks.positiveInt(config, section, "frames"),
                image,
                ConfigChecks.bool(config, section, "train-horizontal-flip"),
                ConfigChecks.anyLong(config, section, "seed"),
                List.copyOf(classes),
                missing.equals("skip"),
                ConfigChecks.bool(config, section, "precompute-audio"),
                AudioSettings.from(config, section));
    }

    static float[] positive(Config config, String section, String key) {
        float[] values = ConfigChecks.floatList(config, section, key, 3);
        for (float v : values) {
            if (!(v > 0)) {
                throw ConfigChecks.bad(config, section, key, "must hold positive numbers, got "
                        + v);
            }
        }
        return values;
    }

    Path folder(DataContext context) {
        return files.folder(context);
    }

    String csv(Split split) {
        return split == Split.TRAIN ? trainCsv : testCsv;
    }
}
