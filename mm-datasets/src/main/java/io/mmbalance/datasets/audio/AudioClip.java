package io.mmbalance.datasets.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * A mono clip: samples in [-1, 1] at a sample rate; immutable.
 *
 * <p>The samples are copied in and out, so no caller can change a clip.
 */
public final class AudioClip {

    private final float[] samples;
    private final int sampleRate;

    /**
     * Creates a clip from a copy of {@code samples}.
     *
     * @param samples the samples, each in [-1, 1]
     * @param sampleRate the sample rate in Hz, positive
     * @throws IllegalArgumentException when the rate is not positive or a sample is outside
     *     [-1, 1] or not finite
     */
    public AudioClip(float[] samples, int sampleRate) {
        this(sampleRate, checked(samples).clone());
    }

    private AudioClip(int sampleRate, float[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** Wraps an array this package built and checked, without copying it. */
    static AudioClip wrap(float[] samples, int sampleRate) {
        return new AudioClip(sampleRate, samples);
    }

    private static float[] checked(float[] samples) {
        Objects.requireNonNull(samples, "samples");
        for (int i = 0; i < samples.length; i++) {
            if (!(samples[i] >= -1f && samples[i] <= 1f)) {
                throw new IllegalArgumentException(
                        "sample " + i + " is " + samples[i] + ", outside [-1, 1]");
            }
        }
        return samples;
    }

    /**
     * Returns a copy of the samples.
     *
     * @return the samples, each in [-1, 1]
     */
    public float[] samples() {
        return samples.clone();
    }

    /** Returns the samples without copying them; callers in this package must not change them. */
    float[] view() {
        return samples;
    }

    /**
     * Returns one sample.
     *
     * @param index the sample index, from 0
     * @return the sample, in [-1, 1]
     */
    public float sample(int index) {
        return samples[Objects.checkIndex(index, samples.length)];
    }

    /**
     * Returns the number of samples.
     *
     * @return the length in samples
     */
    public int length() {
        return samples.length;
    }

    /**
     * Returns the sample rate.
     *
     * @return the sample rate in Hz
     */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Returns the duration.
     *
     * @return the length in seconds
     */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioClip other
                && sampleRate == other.sampleRate
                && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return "AudioClip[" + samples.length + " samples at " + sampleRate + " Hz]";
    }
}
