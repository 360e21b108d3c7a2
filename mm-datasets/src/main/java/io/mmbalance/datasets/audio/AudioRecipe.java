package io.mmbalance.datasets.audio;

import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a clip becomes a fixed-size feature: resampling, cropping or padding to a fixed length,
 * then a log-mel or log-STFT spectrogram; immutable, built with {@link #builder()}.
 *
 * <p>Steps, in order: resample to {@code sample-rate} ({@link Resampler}); cut a clip longer than
 * {@code duration} to its start or centre ({@code crop}), or fill a shorter one at its end with
 * zeros or with the clip repeated from its start ({@code pad}); pad the signal by {@code
 * fft-size / 2} on each side ({@code center}: {@code zeros}, {@code reflect} without repeating
 * the edge sample, or {@code none}); take frames of {@code fft-size} samples every {@code
 * hop-length} samples, each multiplied by a periodic {@code window} of {@code win-length}
 * samples centred in the frame; the FFT (JTransforms) gives magnitudes {@code |X_k|} of bins
 * {@code k = 0 .. fft-size / 2}, squared when {@code spectrum = power}. The {@code log-stft}
 * feature is {@code ln(|X_k|^p + log-offset)}; the {@code log-mel} feature applies {@code
 * mel-bands} triangular filters from {@code fmin} to {@code fmax} ({@link MelFilterbank} on the
 * {@code mel-scale}, with {@code mel-norm}) first: {@code ln(sum_k w_bk |X_k|^p + log-offset)}.
 * Natural logarithm; a silent input gives {@code ln(log-offset)} everywhere.
 *
 * <p>The output has shape (1, bins, frames), row-major, low frequencies first: {@code bins =
 * fft-size / 2 + 1} for {@code log-stft} or {@code mel-bands} for {@code log-mel}, and {@code
 * frames = 1 + samples / hop-length} with centring or {@code 1 + (samples - fft-size) /
 * hop-length} without, where {@code samples = round(duration * sample-rate)}.
 */
public final class AudioRecipe {

    /** The version of the feature computation, part of {@link #text()}. */
    public static final String VERSION = "audio-features-v1";

    /** How a clip longer than the duration is cut. */
    public enum Crop {
        /** Keep the first samples. */
        START("start"),
        /** Keep the middle samples; an odd excess leaves one more sample cut at the end. */
        CENTRE("centre");

        private final String id;

        Crop(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static Crop parse(String id) {
            return AudioRecipe.parse(values(), Crop::id, id, "crop");
        }
    }

    /** How a clip shorter than the duration is filled at its end. */
    public enum Pad {
        /** Append zeros (silence). */
        ZEROS("zeros"),
        /** Repeat the clip from its start until the duration is reached (tiling). */
        REPEAT("repeat");

        private final String id;

        Pad(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static Pad parse(String id) {
            return AudioRecipe.parse(values(), Pad::id, id, "pad");
        }
    }

    /** How the signal is padded so that frame {@code t} is centred on sample {@code t * hop}. */
    public enum Centering {
        /** No padding: frame {@code t} starts at sample {@code t * hop}. */
        NONE("none"),
        /** {@code fft-size / 2} zeros on each side. */
        ZEROS("zeros"),
        /** {@code fft-size / 2} mirrored samples on each side, the edge not repeated. */
        REFLECT("reflect");

        private final String id;

        Centering(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static Centering parse(String id) {
            return AudioRecipe.parse(values(), Centering::id, id, "center");
        }
    }

    /** The feature computed from the spectrum. */
    public enum Feature {
        /** The log of mel filterbank energies: {@code mel-bands} rows. */
        LOG_MEL("log-mel"),
        /** The log of the STFT spectrum itself: {@code fft-size / 2 + 1} rows. */
        LOG_STFT("log-stft");

        private final String id;

        Feature(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static Feature parse(String id) {
            return AudioRecipe.parse(values(), Feature::id, id, "feature");
        }
    }

    /** Whether the spectrum holds magnitudes or their squares. */
    public enum Spectrum {
        /** {@code |X_k|}. */
        MAGNITUDE("magnitude"),
        /** {@code |X_k|^2}. */
        POWER("power");

        private final String id;

        Spectrum(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static Spectrum parse(String id) {
            return AudioRecipe.parse(values(), Spectrum::id, id, "spectrum");
        }
    }

    /** The scaling of the mel triangles. */
    public enum MelNorm {
        /** Each triangle peaks at 1. */
        NONE("none"),
        /** Each triangle is scaled by {@code 2 / (right - left)} Hz, librosa's default. */
        SLANEY("slaney");

        private final String id;

        MelNorm(String id) {
            this.id = id;
        }

        /**
         * Returns the name used in configuration and recipes.
         *
         * @return the name
         */
        public String id() {
            return id;
        }

        /**
         * Returns the value named {@code id}.
         *
         * @param id the name
         * @return the value
         */
        public static MelNorm parse(String id) {
            return AudioRecipe.parse(values(), MelNorm::id, id, "mel-norm");
        }
    }

    private final int sampleRate;
    private final double duration;
    private final int samples;
    private final Crop crop;
    private final Pad pad;
    private final Feature feature;
    private final Window window;
    private final int fftSize;
    private final int winLength;
    private final int hopLength;
    private final Centering centering;
    private final Spectrum spectrum;
    private final double logOffset;
    private final int melBands;
    private final MelScale melScale;
    private final MelNorm melNorm;
    private final double fmin;
    private final double fmax;
    private final MelFilterbank filterbank;

    private AudioRecipe(Builder b) {
        sampleRate = b.sampleRate;
        duration = b.duration;
        samples = (int) Math.round(duration * sampleRate);
        crop = Objects.requireNonNull(b.crop, "crop");
        pad = Objects.requireNonNull(b.pad, "pad");
        feature = Objects.requireNonNull(b.feature, "feature");
        window = Objects.requireNonNull(b.window, "window");
        fftSize = b.fftSize;
        winLength = b.winLength == 0 ? b.fftSize : b.winLength;
        hopLength = b.hopLength;
        centering = Objects.requireNonNull(b.centering, "center");
        spectrum = Objects.requireNonNull(b.spectrum, "spectrum");
        logOffset = b.logOffset;
        melBands = b.melBands;
        melScale = Objects.requireNonNull(b.melScale, "mel-scale");
        melNorm = Objects.requireNonNull(b.melNorm, "mel-norm");
        fmin = b.fmin;
        fmax = b.fmax == 0 ? sampleRate / 2.0 : b.fmax;
        filterbank = feature == Feature.LOG_MEL ? melFilters() : null;
    }

    private MelFilterbank melFilters() {
        if (melBands < 1) {
            throw new InvalidRecipeException("mel-bands", "must be at least 1, got " + melBands);
        }
        if (!(fmin >= 0) || Double.isInfinite(fmin)) {
            throw new InvalidRecipeException("fmin", "must be a finite number >= 0, got " + fmin);
        }
        if (!(fmax > fmin && fmax <= sampleRate / 2.0)) {
            throw new InvalidRecipeException("fmax", "must lie above fmin (" + fmin + " Hz) and"
                    + " at most at half the sample rate (" + sampleRate / 2.0 + " Hz), got "
                    + fmax + " (0 means half the sample rate)");
        }
        try {
            return MelFilterbank.of(melBands, fftSize, sampleRate, fmin, fmax, melScale,
                    melNorm == MelNorm.SLANEY);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecipeException("mel-bands", e.getMessage());
        }
    }

    /**
     * Returns a builder with the defaults: 16 kHz, 1 s, centre crop, zero padding, 64-band
     * Slaney log-mel of the power spectrum, Hann window, FFT 512, hop 160, zero centring,
     * offset 1e-6, 0 Hz to the Nyquist frequency.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the recipe as one line of {@code key=value} pairs that names every input of the
     * computation and nothing else: keys that do not affect the feature (the mel keys of a
     * {@code log-stft} recipe) are left out. Equal texts give equal features.
     *
     * @return the text
     */
    public String text() {
        return toMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /**
     * Returns the SHA-256 of {@link #text()}, in lower-case hex.
     *
     * @return the hash
     */
    public String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Returns the recipe as an ordered map of plain values, as recorded with a run: the
     * entries of {@link #text()} plus the resulting shape.
     *
     * @return the recipe, unmodifiable
     */
    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>(toMap());
        map.put("shape", Arrays.stream(shape().getShape()).boxed().toList());
        return java.util.Collections.unmodifiableMap(map);
    }

    private Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("resampler", Resampler.METHOD);
        m.put("sample-rate", sampleRate);
        m.put("duration", duration);
        m.put("samples", samples);
        m.put("crop", crop.id());
        m.put("pad", pad.id());
        m.put("feature", feature.id());
        m.put("window", window.id());
        m.put("fft-size", fftSize);
        m.put("win-length", winLength);
        m.put("hop-length", hopLength);
        m.put("center", centering.id());
        m.put("spectrum", spectrum.id());
        m.put("log", "natural");
        m.put("log-offset", logOffset);
        if (feature == Feature.LOG_MEL) {
            m.put("mel-bands", melBands);
            m.put("mel-scale", melScale.id());
            m.put("mel-norm", melNorm.id());
            m.put("fmin", fmin);
            m.put("fmax", fmax);
        }
        return m;
    }

    /**
     * Returns the shape of one feature.
     *
     * @return (1, bins, frames)
     */
    public Shape shape() {
        return new Shape(1, bins(), frames());
    }

    /**
     * Returns the number of rows of the feature.
     *
     * @return {@code mel-bands} for log-mel, {@code fft-size / 2 + 1} for log-STFT
     */
    public int bins() {
        return feature == Feature.LOG_MEL ? melBands : fftSize / 2 + 1;
    }

    /**
     * Returns the number of STFT frames.
     *
     * @return the number of columns of the feature
     */
    public int frames() {
        return centering == Centering.NONE ? 1 + (samples - fftSize) / hopLength
                : 1 + samples / hopLength;
    }

    /**
     * Returns the number of values of one feature.
     *
     * @return {@code bins() * frames()}
     */
    public int size() {
        return bins() * frames();
    }

    /**
     * Returns the sample rate the clip is resampled to.
     *
     * @return the rate in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the fixed duration.
     *
     * @return the duration in seconds
     */
    public double duration() {
        return duration;
    }

    /**
     * Returns the fixed length.
     *
     * @return {@code round(duration * sample-rate)} samples
     */
    public int samples() {
        return samples;
    }

    /**
     * Returns how longer clips are cut.
     *
     * @return the crop
     */
    public Crop crop() {
        return crop;
    }

    /**
     * Returns how shorter clips are filled.
     *
     * @return the padding
     */
    public Pad pad() {
        return pad;
    }

    /**
     * Returns the feature.
     *
     * @return log-mel or log-STFT
     */
    public Feature feature() {
        return feature;
    }

    /**
     * Returns the analysis window.
     *
     * @return the window
     */
    public Window window() {
        return window;
    }

    /**
     * Returns the FFT size.
     *
     * @return the number of samples per frame
     */
    public int fftSize() {
        return fftSize;
    }

    /**
     * Returns the window length.
     *
     * @return the number of windowed samples per frame, at most the FFT size
     */
    public int winLength() {
        return winLength;
    }

    /**
     * Returns the hop.
     *
     * @return the number of samples between frame starts
     */
    public int hopLength() {
        return hopLength;
    }

    /**
     * Returns how the signal is padded for centred frames.
     *
     * @return the centring
     */
    public Centering centering() {
        return centering;
    }

    /**
     * Returns whether magnitudes or power are used.
     *
     * @return the spectrum type
     */
    public Spectrum spectrum() {
        return spectrum;
    }

    /**
     * Returns the value added before the logarithm.
     *
     * @return the offset, positive
     */
    public double logOffset() {
        return logOffset;
    }

    /**
     * Returns the mel filterbank of a log-mel recipe.
     *
     * @return the filters, or {@code null} for log-STFT
     */
    public MelFilterbank filterbank() {
        return filterbank;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioRecipe other && text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    private static <E extends Enum<E>> E parse(
            E[] values, Function<E, String> id, String name, String key) {
        for (E v : values) {
            if (id.apply(v).equals(name)) {
                return v;
            }
        }
        throw new InvalidRecipeException(key, "unknown value '" + name + "'; known: "
                + Arrays.stream(values).map(id).collect(Collectors.joining(", ")));
    }

    /** Collects the values of a recipe; {@link #build()} checks them. */
    public static final class Builder {

        private int sampleRate = 16_000;
        private double duration = 1.0;
        private Crop crop = Crop.CENTRE;
        private Pad pad = Pad.ZEROS;
        private Feature feature = Feature.LOG_MEL;
        private Window window = Window.HANN;
        private int fftSize = 512;
        private int winLength;
        private int hopLength = 160;
        private Centering centering = Centering.ZEROS;
        private Spectrum spectrum = Spectrum.POWER;
        private double logOffset = 1e-6;
        private int melBands = 64;
        private MelScale melScale = MelScale.SLANEY;
        private MelNorm melNorm = MelNorm.SLANEY;
        private double fmin;
        private double fmax;

        private Builder() {}

        /**
         * Sets the rate clips are resampled to.
         *
         * @param hz the rate in Hz, positive
         * @return this builder
         */
        public Builder optSampleRate(int hz) {
            this.sampleRate = hz;
            return this;
        }

        /**
         * Sets the fixed duration.
         *
         * @param seconds the duration, positive
         * @return this builder
         */
        public Builder optDuration(double seconds) {
            this.duration = seconds;
            return this;
        }

        /**
         * Sets how longer clips are cut.
         *
         * @param crop the crop
         * @return this builder
         */
        public Builder optCrop(Crop crop) {
            this.crop = crop;
            return this;
        }

        /**
         * Sets how shorter clips are filled.
         *
         * @param pad the padding
         * @return this builder
         */
        public Builder optPad(Pad pad) {
            this.pad = pad;
            return this;
        }

        /**
         * Sets the feature.
         *
         * @param feature log-mel or log-STFT
         * @return this builder
         */
        public Builder optFeature(Feature feature) {
            this.feature = feature;
            return this;
        }

        /**
         * Sets the analysis window.
         *
         * @param window the window
         * @return this builder
         */
        public Builder optWindow(Window window) {
            this.window = window;
            return this;
        }

        /**
         * Sets the FFT size.
         *
         * @param size an even number of samples, at least 4
         * @return this builder
         */
        public Builder optFftSize(int size) {
            this.fftSize = size;
            return this;
        }

        /**
         * Sets the window length.
         *
         * @param length samples, from 1 to the FFT size; 0 means the FFT size
         * @return this builder
         */
        public Builder optWinLength(int length) {
            this.winLength = length;
            return this;
        }

        /**
         * Sets the hop.
         *
         * @param length samples between frame starts, positive
         * @return this builder
         */
        public Builder optHopLength(int length) {
            this.hopLength = length;
            return this;
        }

        /**
         * Sets how the signal is padded for centred frames.
         *
         * @param centering the centring
         * @return this builder
         */
        public Builder optCentering(Centering centering) {
            this.centering = centering;
            return this;
        }

        /**
         * Sets whether magnitudes or power are used.
         *
         * @param spectrum the spectrum type
         * @return this builder
         */
        public Builder optSpectrum(Spectrum spectrum) {
            this.spectrum = spectrum;
            return this;
        }

        /**
         * Sets the value added before the logarithm.
         *
         * @param offset a positive number
         * @return this builder
         */
        public Builder optLogOffset(double offset) {
            this.logOffset = offset;
            return this;
        }

        /**
         * Sets the number of mel bands.
         *
         * @param bands a positive number
         * @return this builder
         */
        public Builder optMelBands(int bands) {
            this.melBands = bands;
            return this;
        }

        /**
         * Sets the mel scale.
         *
         * @param scale the scale
         * @return this builder
         */
        public Builder optMelScale(MelScale scale) {
            this.melScale = scale;
            return this;
        }

        /**
         * Sets the scaling of the mel triangles.
         *
         * @param norm the scaling
         * @return this builder
         */
        public Builder optMelNorm(MelNorm norm) {
            this.melNorm = norm;
            return this;
        }

        /**
         * Sets the lowest mel edge.
         *
         * @param hz the frequency, at least 0
         * @return this builder
         */
        public Builder optFmin(double hz) {
            this.fmin = hz;
            return this;
        }

        /**
         * Sets the highest mel edge.
         *
         * @param hz the frequency, at most half the sample rate; 0 means half the sample rate
         * @return this builder
         */
        public Builder optFmax(double hz) {
            this.fmax = hz;
            return this;
        }

        /**
         * Checks the values and builds the recipe.
         *
         * @return the recipe
         * @throws InvalidRecipeException when a value is out of range; names the key
         */
        public AudioRecipe build() {
            if (sampleRate <= 0) {
                throw new InvalidRecipeException("sample-rate",
                        "must be a positive number of Hz, got " + sampleRate);
            }
            if (!(duration > 0) || Double.isInfinite(duration)
                    || duration * sampleRate > Integer.MAX_VALUE / 2.0) {
                throw new InvalidRecipeException("duration",
                        "must be a positive, finite number of seconds, got " + duration);
            }
            long length = Math.round(duration * sampleRate);
            if (length < 1) {
                throw new InvalidRecipeException("duration", duration + " s at " + sampleRate
                        + " Hz is less than one sample");
            }
            if (fftSize < 4 || fftSize % 2 != 0 || fftSize > (1 << 20)) {
                throw new InvalidRecipeException("fft-size",
                        "must be an even number from 4 to 1048576, got " + fftSize);
            }
            if (winLength < 0 || winLength > fftSize) {
                throw new InvalidRecipeException("win-length", "must lie in [1, fft-size = "
                        + fftSize + "], or be 0 for the FFT size; got " + winLength);
            }
            if (hopLength < 1) {
                throw new InvalidRecipeException("hop-length",
                        "must be a positive number of samples, got " + hopLength);
            }
            if (!(logOffset > 0) || Double.isInfinite(logOffset)) {
                throw new InvalidRecipeException("log-offset",
                        "must be a positive, finite number, got " + logOffset);
            }
            if (centering == Centering.NONE && length < fftSize) {
                throw new InvalidRecipeException("duration", String.format(Locale.ROOT,
                        "%s s gives %d samples at %d Hz, fewer than fft-size (%d) needs without"
                                + " centring", duration, length, sampleRate, fftSize));
            }
            if (centering == Centering.REFLECT && length <= fftSize / 2) {
                throw new InvalidRecipeException("duration", String.format(Locale.ROOT,
                        "%s s gives %d samples at %d Hz; reflect centring needs more than"
                                + " fft-size / 2 (%d)", duration, length, sampleRate,
                        fftSize / 2));
            }
            if (fmax < 0 || Double.isNaN(fmax)) {
                throw new InvalidRecipeException("fmax", "must be >= 0, got " + fmax);
            }
            return new AudioRecipe(this);
        }
    }
}
