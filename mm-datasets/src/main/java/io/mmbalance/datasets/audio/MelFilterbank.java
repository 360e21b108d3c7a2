package io.mmbalance.datasets.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Triangular mel filters over the bins of a real FFT, built as librosa's {@code filters.mel}
 * builds them.
 *
 * <p>{@code bands + 2} edge frequencies lie evenly spaced in mels between {@code fmin} and
 * {@code fmax}; band {@code b} rises linearly from edge {@code b} to edge {@code b + 1} and
 * falls to edge {@code b + 2}, evaluated at each bin's centre frequency {@code k * rate / n}
 * (not rounded to bins). With Slaney normalisation each triangle is scaled by {@code 2 /
 * (edge[b + 2] - edge[b])}, so every band has about the same area; without it each peaks at 1.
 * A band that covers no bin's frequency is rejected: it would always read zero.
 */
public final class MelFilterbank {

    private final int bands;
    private final int bins;
    private final double[] edges;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(int bands, int bins, double[] edges, int[] firstBin, double[][] weights) {
        this.bands = bands;
        this.bins = bins;
        this.edges = edges;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /**
     * Builds the filters.
     *
     * @param bands the number of mel bands, positive
     * @param fftSize the FFT size; the filters cover its {@code fftSize / 2 + 1} bins
     * @param sampleRate the sample rate in Hz
     * @param fmin the lowest edge in Hz, at least 0
     * @param fmax the highest edge in Hz, above {@code fmin} and at most {@code sampleRate / 2}
     * @param scale the mel scale
     * @param slaneyNorm whether to scale each triangle to about equal area
     * @return the filters
     * @throws IllegalArgumentException when a value is out of range or a band covers no bin
     */
    public static MelFilterbank of(int bands, int fftSize, int sampleRate, double fmin,
            double fmax, MelScale scale, boolean slaneyNorm) {
        Objects.requireNonNull(scale, "scale");
        if (bands <= 0 || fftSize < 2 || sampleRate <= 0) {
            throw new IllegalArgumentException("bands, fftSize and sampleRate must be positive");
        }
        if (!(fmin >= 0 && fmin < fmax && fmax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax <= " + sampleRate / 2.0
                    + " Hz, got fmin " + fmin + " and fmax " + fmax);
        }
        int bins = fftSize / 2 + 1;
        double lo = scale.toMel(fmin);
        double hi = scale.toMel(fmax);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = scale.toHz(lo + (hi - lo) * i / (bands + 1));
        }
        int[] first = new int[bands];
        double[][] weights = new double[bands][];
        for (int b = 0; b < bands; b++) {
            double left = edges[b];
            double centre = edges[b + 1];
            double right = edges[b + 2];
            double norm = slaneyNorm ? 2.0 / (right - left) : 1.0;
            double[] row = new double[bins];
            int from = -1;
            int to = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / fftSize;
                double w = Math.max(0, Math.min((f - left) / (centre - left),
                        (right - f) / (right - centre)));
                if (w > 0) {
                    row[k] = w * norm;
                    from = from < 0 ? k : from;
                    to = k;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mel band %d (%.1f to %.1f Hz) covers no FFT bin: %d bands are too many"
                                + " for an FFT of %d at %d Hz (bins %.2f Hz apart); use fewer"
                                + " bands or a larger FFT", b, left, right, bands, fftSize,
                        sampleRate, sampleRate / (double) fftSize));
            }
            first[b] = from;
            weights[b] = Arrays.copyOfRange(row, from, to + 1);
        }
        return new MelFilterbank(bands, bins, edges, first, weights);
    }

    /**
     * Returns the number of bands.
     *
     * @return the number of bands
     */
    public int bands() {
        return bands;
    }

    /**
     * Returns the number of FFT bins the filters read.
     *
     * @return {@code fftSize / 2 + 1}
     */
    public int bins() {
        return bins;
    }

    /**
     * Returns the centre frequency of a band.
     *
     * @param band the band, from 0
     * @return the frequency in Hz at which the band's triangle peaks
     */
    public double centreHz(int band) {
        return edges[Objects.checkIndex(band, bands) + 1];
    }

    /**
     * Returns the weight of one bin in one band.
     *
     * @param band the band, from 0
     * @param bin the FFT bin, from 0
     * @return the weight, 0 outside the band's triangle
     */
    public double weight(int band, int bin) {
        Objects.checkIndex(band, bands);
        Objects.checkIndex(bin, bins);
        int j = bin - firstBin[band];
        return j >= 0 && j < weights[band].length ? weights[band][j] : 0.0;
    }

    /**
     * Applies the filters to one spectrum.
     *
     * @param spectrum the values of the {@link #bins()} bins
     * @param band the band
     * @return the weighted sum of the band's bins
     */
    public double apply(double[] spectrum, int band) {
        double[] w = weights[band];
        int from = firstBin[band];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * spectrum[from + j];
        }
        return sum;
    }
}
