package io.mmbalance.datasets.audio;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An analysis window of the short-time Fourier transform, in its periodic (DFT-even) form. */
public enum Window {
    /** The Hann window, {@code 0.5 - 0.5 cos(2 pi n / N)}. */
    HANN("hann", 0.5, 0.5),
    /** The Hamming window, {@code 0.54 - 0.46 cos(2 pi n / N)}. */
    HAMMING("hamming", 0.54, 0.46);

    private final String id;
    private final double a0;
    private final double a1;

    Window(String id, double a0, double a1) {
        this.id = id;
        this.a0 = a0;
        this.a1 = a1;
    }

    /**
     * Returns the name used in configuration and recipes.
     *
     * @return "hann" or "hamming"
     */
    public String id() {
        return id;
    }

    /**
     * Returns the window of a length, periodic as {@code scipy.signal.get_window} and librosa
     * compute it: {@code n} runs from 0 to {@code N - 1} with {@code N} the length.
     *
     * @param length the number of values, positive
     * @return the window
     */
    public double[] values(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("window length must be positive, got " + length);
        }
        double[] w = new double[length];
        for (int n = 0; n < length; n++) {
            w[n] = a0 - a1 * Math.cos(2 * Math.PI * n / length);
        }
        return w;
    }

    /**
     * Returns the window named {@code id}.
     *
     * @param id "hann" or "hamming"
     * @return the window
     * @throws IllegalArgumentException when no window has that name; the message lists them
     */
    public static Window parse(String id) {
        for (Window w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown window '" + id + "'; known: "
                + Arrays.stream(values()).map(Window::id).collect(Collectors.joining(", ")));
    }
}
