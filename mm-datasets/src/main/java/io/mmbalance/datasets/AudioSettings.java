package io.mmbalance.datasets;

import com.typesafe.config.Config;
import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.InvalidRecipeException;
import io.mmbalance.datasets.audio.MelScale;
import io.mmbalance.datasets.audio.Window;

/** Reads the {@code audio} sub-section of a dataset section into an {@link AudioRecipe}. */
final class AudioSettings {

    static final String KEY = "audio";

    private AudioSettings() {}

    /**
     * Returns the recipe of {@code section.audio}; an invalid value raises a {@link
     * com.typesafe.config.ConfigException} naming the full key.
     */
    static AudioRecipe from(Config config, String section) {
        String p = KEY + ".";
        AudioRecipe.Builder b = AudioRecipe.builder()
                .optSampleRate(ConfigChecks.anyInt(config, section, p + "sample-rate"))
                .optDuration(ConfigChecks.anyDouble(config, section, p + "duration"))
                .optCrop(ConfigChecks.choice(config, section, p + "crop", AudioRecipe.Crop::parse))
                .optPad(ConfigChecks.choice(config, section, p + "pad", AudioRecipe.Pad::parse))
                .optFeature(ConfigChecks.choice(
                        config, section, p + "feature", AudioRecipe.Feature::parse))
                .optWindow(ConfigChecks.choice(config, section, p + "window", Window::parse))
                .optFftSize(ConfigChecks.anyInt(config, section, p + "fft-size"))
                .optWinLength(ConfigChecks.anyInt(config, section, p + "win-length"))
                .optHopLength(ConfigChecks.anyInt(config, section, p + "hop-length"))
                .optCentering(ConfigChecks.choice(
                        config, section, p + "center", AudioRecipe.Centering::parse))
                .optSpectrum(ConfigChecks.choice(
                        config, section, p + "spectrum", AudioRecipe.Spectrum::parse))
                .optLogOffset(ConfigChecks.anyDouble(config, section, p + "log-offset"))
                .optMelBands(ConfigChecks.anyInt(config, section, p + "mel-bands"))
                .optMelScale(ConfigChecks.choice(config, section, p + "mel-scale", MelScale::parse))
                .optMelNorm(ConfigChecks.choice(
                        config, section, p + "mel-norm", AudioRecipe.MelNorm::parse))
                .optFmin(ConfigChecks.anyDouble(config, section, p + "fmin"))
                .optFmax(ConfigChecks.anyDouble(config, section, p + "fmax"));
        try {
            return b.build();
        } catch (InvalidRecipeException e) {
            throw ConfigChecks.bad(config, section, p + e.key(), e.reason());
        }
    }
}
