package io.mmbalance.datasets.audio;

import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Computes the feature an {@link AudioRecipe} describes from a clip; immutable and
 * thread-safe.
 */
public final class FeatureExtractor {

    private final AudioRecipe recipe;
    private final double[] frameWindow;

    private FeatureExtractor(AudioRecipe recipe) {
        this.recipe = recipe;
        int n = recipe.fftSize();
        int w = recipe.winLength();
        double[] window = recipe.window().values(w);
        this.frameWindow = new double[n];
        System.arraycopy(window, 0, frameWindow, (n - w) / 2, w);
    }

    /**
     * Returns an extractor for a recipe.
     *
     * @param recipe the recipe
     * @return the extractor
     */
    public static FeatureExtractor of(AudioRecipe recipe) {
        return new FeatureExtractor(Objects.requireNonNull(recipe, "recipe"));
    }

    /**
     * Returns the recipe.
     *
     * @return the recipe
     */
    public AudioRecipe recipe() {
        return recipe;
    }

    /**
     * Computes the feature of a clip: resampled, brought to the fixed length, transformed.
     *
     * @param clip the clip, at any sample rate
     * @return {@link AudioRecipe#size()} values, bins by frames, row-major
     */
    public float[] compute(AudioClip clip) {
        AudioClip atRate = Resampler.resample(clip, recipe.sampleRate());
        float[] fixed = fitLength(atRate.view(), recipe.samples(), recipe.crop(), recipe.pad());
        return spectrogram(fixed);
    }

    /**
     * Cuts or fills a signal to a length.
     *
     * @param x the signal
     * @param length the length wanted, at least 0
     * @param crop how a longer signal is cut
     * @param pad how a shorter signal is filled at its end; repeating an empty signal gives zeros
     * @return a new array of {@code length} values
     */
    public static float[] fitLength(float[] x, int length, AudioRecipe.Crop crop,
            AudioRecipe.Pad pad) {
        Objects.requireNonNull(crop, "crop");
        Objects.requireNonNull(pad, "pad");
        float[] out = new float[length];
        if (x.length >= length) {
            int start = crop == AudioRecipe.Crop.START ? 0 : (x.length - length) / 2;
            System.arraycopy(x, start, out, 0, length);
            return out;
        }
        System.arraycopy(x, 0, out, 0, x.length);
        if (pad == AudioRecipe.Pad.REPEAT && x.length > 0) {
            for (int i = x.length; i < length; i += x.length) {
                System.arraycopy(x, 0, out, i, Math.min(x.length, length - i));
            }
        }
        return out;
    }

    /**
     * Computes the feature of a signal already at the recipe's rate and length.
     *
     * @param signal exactly {@link AudioRecipe#samples()} values
     * @return {@link AudioRecipe#size()} values, bins by frames, row-major
     */
    public float[] spectrogram(float[] signal) {
        if (signal.length != recipe.samples()) {
            throw new IllegalArgumentException("the signal holds " + signal.length
                    + " samples; the recipe takes " + recipe.samples());
        }
        int n = recipe.fftSize();
        int hop = recipe.hopLength();
        int frames = recipe.frames();
        int bins = recipe.bins();
        int half = n / 2;
        double[] padded = centred(signal);
        boolean power = recipe.spectrum() == AudioRecipe.Spectrum.POWER;
        MelFilterbank mel = recipe.filterbank();
        double offset = recipe.logOffset();
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        double[] buf = new double[n];
        double[] spectrum = new double[half + 1];
        float[] out = new float[bins * frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int i = 0; i < n; i++) {
                buf[i] = padded[start + i] * frameWindow[i];
            }
            fft.realForward(buf);
            spectrum[0] = Math.abs(buf[0]);
            spectrum[half] = Math.abs(buf[1]);
            for (int k = 1; k < half; k++) {
                spectrum[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
            }
            if (power) {
                for (int k = 0; k <= half; k++) {
                    spectrum[k] *= spectrum[k];
                }
            }
            for (int b = 0; b < bins; b++) {
                double v = mel == null ? spectrum[b] : mel.apply(spectrum, b);
                out[b * frames + t] = (float) Math.log(v + offset);
            }
        }
        return out;
    }

    private double[] centred(float[] x) {
        int pad = recipe.centering() == AudioRecipe.Centering.NONE ? 0 : recipe.fftSize() / 2;
        double[] out = new double[x.length + 2 * pad];
        for (int i = 0; i < x.length; i++) {
            out[pad + i] = x[i];
        }
        if (recipe.centering() == AudioRecipe.Centering.REFLECT) {
            for (int i = 1; i <= pad; i++) {
                out[pad - i] = x[i];
                out[pad + x.length - 1 + i] = x[x.length - 1 - i];
            }
        }
        return out;
    }
}
