package io.mmbalance.datasets.audio;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A mapping between frequency in Hz and the perceptual mel scale. */
public enum MelScale {
    /** The HTK formula: {@code mel = 2595 log10(1 + f / 700)}. */
    HTK("htk"),
    /**
     * Slaney's Auditory Toolbox scale, librosa's default: linear below 1 kHz ({@code mel = 3 f /
     * 200}), logarithmic above it ({@code mel = 15 + 27 ln(f / 1000) / ln(6.4)}).
     */
    SLANEY("slaney");

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private final String id;

    MelScale(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in configuration and recipes.
     *
     * @return "htk" or "slaney"
     */
    public String id() {
        return id;
    }

    /**
     * Converts a frequency to mels.
     *
     * @param hz the frequency in Hz, at least 0
     * @return the mel value
     */
    public double toMel(double hz) {
        if (this == HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        if (hz < MIN_LOG_HZ) {
            return hz / F_SP;
        }
        return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
    }

    /**
     * Converts mels to a frequency.
     *
     * @param mel the mel value
     * @return the frequency in Hz
     */
    public double toHz(double mel) {
        if (this == HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        if (mel < MIN_LOG_MEL) {
            return mel * F_SP;
        }
        return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
    }

    /**
     * Returns the scale named {@code id}.
     *
     * @param id "htk" or "slaney"
     * @return the scale
     * @throws IllegalArgumentException when no scale has that name; the message lists them
     */
    public static MelScale parse(String id) {
        for (MelScale s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown mel scale '" + id + "'; known: "
                + Arrays.stream(values()).map(MelScale::id).collect(Collectors.joining(", ")));
    }
}
