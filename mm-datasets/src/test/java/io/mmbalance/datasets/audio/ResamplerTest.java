package io.mmbalance.datasets.audio;

import static io.mmbalance.datasets.audio.WavTestFiles.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    /** Estimates a tone's frequency from its upward zero crossings between two indices. */
    private static double frequency(float[] x, int rate, int from, int to) {
        double first = -1;
        double last = -1;
        int crossings = -1;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double at = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                first = first < 0 ? at : first;
                last = at;
                crossings++;
            }
        }
        return crossings * rate / (last - first);
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void upsamplingKeepsAToneItsFrequencyAndLevel() {
        float[] in = tone(440, 8000, 8000, 0.5);

        float[] out = Resampler.of(8000, 22050).apply(in);

        assertThat(out).hasSize(22050);
        assertThat(frequency(out, 22050, 1000, 21000)).isCloseTo(440, within(0.05));
        assertThat(rms(out, 1000, 21000)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @Test
    void downsamplingKeepsAToneBelowTheNewNyquistFrequency() {
        float[] in = tone(1000, 44100, 44100, 0.8);

        float[] out = Resampler.of(44100, 8000).apply(in);

        assertThat(out).hasSize(8000);
        assertThat(frequency(out, 8000, 500, 7500)).isCloseTo(1000, within(0.05));
        assertThat(rms(out, 500, 7500)).isCloseTo(0.8 / Math.sqrt(2), within(0.01));
    }

    @Test
    void downsamplingRemovesAToneAboveTheNewNyquistFrequencyInsteadOfAliasingIt() {
        float[] in = tone(6000, 44100, 44100, 0.8);

        float[] out = Resampler.of(44100, 8000).apply(in);

        assertThat(rms(out, 500, 7500)).isLessThan(0.001);
    }

    @Test
    void givesTheExpectedLengthsAndLeavesAClipAtTheTargetRateAsItIs() {
        assertThat(Resampler.of(44100, 22050).outputLength(101)).isEqualTo(51);
        assertThat(Resampler.of(8000, 16000).outputLength(3)).isEqualTo(6);
        assertThat(Resampler.of(48000, 22050).outputLength(48000)).isEqualTo(22050);
        AudioClip clip = new AudioClip(new float[] {0.1f, 0.2f}, 8000);
        assertThat(Resampler.resample(clip, 8000)).isSameAs(clip);
        assertThat(Resampler.resample(clip, 16000).sampleRate()).isEqualTo(16000);
    }

    @Test
    void interpolatesTheOriginalSamplesAtIntegerRatios() {
        float[] in = tone(300, 8000, 4000, 0.5);

        float[] out = Resampler.of(8000, 16000).apply(in);

        for (int i = 200; i < 3800; i++) {
            assertThat(out[2 * i]).isCloseTo(in[i], within(2e-3f));
        }
    }

    @Test
    void computesTheBesselFunctionI0() {
        assertThat(Resampler.besselI0(0)).isEqualTo(1.0);
        assertThat(Resampler.besselI0(1)).isCloseTo(1.2660658777520082, within(1e-14));
        assertThat(Resampler.besselI0(8.6)).isCloseTo(750.4611595631661, within(1e-9));
    }
}
