package io.mmbalance.datasets.audio;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes the sample rate of a signal with a band-limited, polyphase windowed-sinc filter.
 *
 * <p>With {@code g = gcd(from, to)}, output sample {@code n} lies at input time {@code t = n *
 * (from/g) / (to/g)}; it is {@code sum_k x[k] h(t - k)} over the input samples {@code k} within
 * {@value #ZERO_CROSSINGS} zero crossings of {@code t}, and zero outside the signal. The kernel
 * is {@code h(d) = c sinc(c d) w(d c / Z)}: a sinc low-pass whose cutoff {@code c = }{@value
 * #ROLLOFF}{@code  * min(1, to / from)} (as a fraction of the input's Nyquist frequency) lies
 * just below the lower of the two Nyquist frequencies, so that nothing above the output's
 * Nyquist frequency aliases, times a Kaiser window {@code w} with beta {@value #KAISER_BETA}
 * over {@code Z = }{@value #ZERO_CROSSINGS} zero crossings. The fractional offsets of {@code
 * t} repeat with period {@code to / g}, so the kernel is tabulated once per phase (polyphase)
 * when that period is at most 4096, and evaluated directly otherwise. This is the band-limited
 * interpolation that {@code resampy} performs, without its interpolated filter table.
 */
public final class Resampler {

    /** Names the method and its constants in recipes; a change of either changes the name. */
    public static final String METHOD = "kaiser-sinc-z16-r0.945-b8.6";

    /** The number of zero crossings of the sinc on each side of the kernel's centre. */
    public static final int ZERO_CROSSINGS = 16;

    /** The cutoff as a fraction of the lower Nyquist frequency. */
    public static final double ROLLOFF = 0.945;

    /** The Kaiser window's shape parameter. */
    public static final double KAISER_BETA = 8.6;

    private static final int MAX_PHASES = 4096;

    private static final Map<Long, Resampler> CACHE = new ConcurrentHashMap<>();

    private final int from;
    private final int to;
    private final int up;
    private final int down;
    private final double cutoff;
    private final double halfWidth;
    private final int taps;
    private final double[][] table;

    private Resampler(int from, int to) {
        this.from = from;
        this.to = to;
        int g = gcd(from, to);
        this.up = to / g;
        this.down = from / g;
        this.cutoff = ROLLOFF * Math.min(1.0, to / (double) from);
        this.halfWidth = ZERO_CROSSINGS / cutoff;
        this.taps = (int) Math.ceil(halfWidth);
        this.table = up <= MAX_PHASES ? tabulate() : null;
    }

    /**
     * Returns the resampler between two rates; instances are cached and thread-safe.
     *
     * @param from the input rate in Hz, positive
     * @param to the output rate in Hz, positive
     * @return the resampler
     */
    public static Resampler of(int from, int to) {
        if (from <= 0 || to <= 0) {
            throw new IllegalArgumentException(
                    "sample rates must be positive, got " + from + " and " + to);
        }
        return CACHE.computeIfAbsent(((long) from << 32) | to, k -> new Resampler(from, to));
    }

    /**
     * Resamples a clip to a rate; a clip already at that rate is returned as it is.
     *
     * @param clip the clip
     * @param rate the output rate in Hz
     * @return the clip at {@code rate}, its samples clipped to [-1, 1]
     */
    public static AudioClip resample(AudioClip clip, int rate) {
        Objects.requireNonNull(clip, "clip");
        if (clip.sampleRate() == rate) {
            return clip;
        }
        return AudioClip.wrap(of(clip.sampleRate(), rate).apply(clip.view()), rate);
    }

    /**
     * Returns the number of output samples for an input of {@code n} samples.
     *
     * @param n the input length
     * @return {@code ceil(n * to / from)}
     */
    public int outputLength(int n) {
        return Math.toIntExact(((long) n * up + down - 1) / down);
    }

    /**
     * Resamples a signal.
     *
     * @param x the input, at the input rate
     * @return the output, at the output rate, each value clipped to [-1, 1]
     */
    public float[] apply(float[] x) {
        int n = outputLength(x.length);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            long num = (long) i * down;
            int base = (int) (num / up);
            int phase = (int) (num % up);
            double sum = 0;
            int first = base - taps + 1;
            double[] kernel = table == null ? kernel(phase) : table[phase];
            int jFrom = Math.max(0, -first);
            int jTo = Math.min(2 * taps, x.length - first);
            for (int j = jFrom; j < jTo; j++) {
                sum += x[first + j] * kernel[j];
            }
            y[i] = (float) Math.max(-1.0, Math.min(1.0, sum));
        }
        return y;
    }

    /**
     * Returns the input rate.
     *
     * @return the input rate in Hz
     */
    public int from() {
        return from;
    }

    /**
     * Returns the output rate.
     *
     * @return the output rate in Hz
     */
    public int to() {
        return to;
    }

    private double[][] tabulate() {
        double[][] t = new double[up][];
        for (int p = 0; p < up; p++) {
            t[p] = kernel(p);
        }
        return t;
    }

    /** Returns the weights of input samples {@code base - taps + 1 + j}, j in [0, 2 taps). */
    private double[] kernel(int phase) {
        double frac = phase / (double) up;
        double[] k = new double[2 * taps];
        double i0Beta = besselI0(KAISER_BETA);
        for (int j = 0; j < k.length; j++) {
            double d = frac + (taps - 1) - j;
            double u = d / halfWidth;
            if (Math.abs(u) >= 1) {
                continue;
            }
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / i0Beta;
            k[j] = cutoff * sinc(cutoff * d) * window;
        }
        return k;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
