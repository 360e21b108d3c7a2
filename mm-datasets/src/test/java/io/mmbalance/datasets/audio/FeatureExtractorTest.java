package io.mmbalance.datasets.audio;

import static io.mmbalance.datasets.audio.WavTestFiles.tone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmbalance.datasets.audio.AudioRecipe.Centering;
import io.mmbalance.datasets.audio.AudioRecipe.Crop;
import io.mmbalance.datasets.audio.AudioRecipe.Feature;
import io.mmbalance.datasets.audio.AudioRecipe.Pad;
import io.mmbalance.datasets.audio.AudioRecipe.Spectrum;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final int RATE = 8000;
    private static final int FFT = 256;

    private static AudioRecipe.Builder stft() {
        return AudioRecipe.builder().optSampleRate(RATE).optDuration(0.5)
                .optFeature(Feature.LOG_STFT).optFftSize(FFT).optHopLength(128)
                .optSpectrum(Spectrum.MAGNITUDE).optLogOffset(1e-7);
    }

    private static float at(float[] feature, AudioRecipe r, int bin, int frame) {
        return feature[bin * r.frames() + frame];
    }

    @Test
    void aToneOnAnFftBinLandsInThatBinWithTheHannWindowsGain() {
        AudioRecipe recipe = stft().build();
        float[] signal = tone(32 * RATE / (double) FFT, RATE, recipe.samples(), 0.5);

        float[] f = FeatureExtractor.of(recipe).spectrogram(signal);

        assertThat(recipe.bins()).isEqualTo(129);
        assertThat(recipe.frames()).isEqualTo(1 + 4000 / 128);
        assertThat(f).hasSize(129 * 32);
        for (int t = 2; t < recipe.frames() - 2; t++) {
            int best = 0;
            for (int k = 1; k < recipe.bins(); k++) {
                best = at(f, recipe, k, t) > at(f, recipe, best, t) ? k : best;
            }
            assertThat(best).isEqualTo(32);
            // A periodic Hann window sums to N/2, so |X_32| = 0.5 * (N / 2) / 2 = N / 8 = 32.
            assertThat(at(f, recipe, 32, t)).isCloseTo((float) Math.log(32), within(1e-4f));
            assertThat(at(f, recipe, 31, t)).isCloseTo((float) Math.log(16), within(1e-4f));
            assertThat(at(f, recipe, 40, t)).isLessThan((float) Math.log(1e-3));
        }
    }

    @Test
    void aToneLandsInTheMelBandCentredNearestToIt() {
        AudioRecipe recipe = AudioRecipe.builder().optSampleRate(RATE).optDuration(0.5)
                .optFftSize(512).optHopLength(128).optMelBands(40).build();
        MelFilterbank mel = recipe.filterbank();
        for (double hz : new double[] {300, 1000, 2500}) {
            float[] f = FeatureExtractor.of(recipe).spectrogram(
                    tone(hz, RATE, recipe.samples(), 0.5));
            int t = recipe.frames() / 2;
            int best = 0;
            int nearest = 0;
            for (int b = 0; b < mel.bands(); b++) {
                best = at(f, recipe, b, t) > at(f, recipe, best, t) ? b : best;
                nearest = Math.abs(mel.centreHz(b) - hz) < Math.abs(mel.centreHz(nearest) - hz)
                        ? b : nearest;
            }
            assertThat(best).as("band of %s Hz", hz).isBetween(nearest - 1, nearest + 1);
            assertThat(mel.centreHz(best)).isCloseTo(hz, within(0.08 * hz + 60));
        }
    }

    @Test
    void silenceGivesTheLogOfTheOffsetEverywhere() {
        for (AudioRecipe recipe : new AudioRecipe[] {
            stft().build(), AudioRecipe.builder().optSampleRate(RATE).optLogOffset(1e-6).build()
        }) {
            float[] f = FeatureExtractor.of(recipe).spectrogram(new float[recipe.samples()]);

            assertThat(f).containsOnly((float) Math.log(recipe.logOffset()));
        }
    }

    @Test
    void computesFramesAndBinsForEachCentring() {
        AudioRecipe centred = stft().optCentering(Centering.REFLECT).build();
        AudioRecipe plain = stft().optCentering(Centering.NONE).build();
        AudioRecipe ogmGe = AudioRecipe.builder().optSampleRate(22050).optDuration(3)
                .optFeature(Feature.LOG_STFT).optFftSize(512).optHopLength(353)
                .optCentering(Centering.REFLECT).build();
        AudioRecipe fsdd = AudioRecipe.builder().optSampleRate(8000).optDuration(1)
                .optFftSize(256).optWinLength(200).optHopLength(80).optMelBands(40).build();

        assertThat(centred.frames()).isEqualTo(32);
        assertThat(plain.frames()).isEqualTo(1 + (4000 - 256) / 128);
        assertThat(ogmGe.shape().getShape()).containsExactly(1, 257, 188);
        assertThat(fsdd.shape().getShape()).containsExactly(1, 40, 101);
        float[] tone = tone(500, RATE, 4000, 0.3);
        assertThat(FeatureExtractor.of(plain).spectrogram(tone)).hasSize(plain.size());
        assertThat(FeatureExtractor.of(centred).spectrogram(tone)).hasSize(centred.size());
    }

    @Test
    void cropsToTheStartOrCentreAndPadsWithZerosOrRepeats() {
        float[] x = {1, 2, 3, 4, 5};

        assertThat(FeatureExtractor.fitLength(x, 3, Crop.START, Pad.ZEROS))
                .containsExactly(1, 2, 3);
        assertThat(FeatureExtractor.fitLength(x, 3, Crop.CENTRE, Pad.ZEROS))
                .containsExactly(2, 3, 4);
        assertThat(FeatureExtractor.fitLength(x, 2, Crop.CENTRE, Pad.ZEROS))
                .containsExactly(2, 3);
        assertThat(FeatureExtractor.fitLength(x, 5, Crop.CENTRE, Pad.REPEAT)).containsExactly(x);
        assertThat(FeatureExtractor.fitLength(x, 8, Crop.START, Pad.ZEROS))
                .containsExactly(1, 2, 3, 4, 5, 0, 0, 0);
        assertThat(FeatureExtractor.fitLength(x, 12, Crop.START, Pad.REPEAT))
                .containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2);
        assertThat(FeatureExtractor.fitLength(new float[0], 3, Crop.START, Pad.REPEAT))
                .containsExactly(0, 0, 0);
    }

    @Test
    void computeResamplesAndFitsTheClipBeforeTheTransform() {
        AudioRecipe recipe = stft().optDuration(0.25).build();
        AudioClip clip = new AudioClip(tone(1000, 16000, 1600, 0.5), 16000);

        float[] f = FeatureExtractor.of(recipe).compute(clip);

        assertThat(f).hasSize(recipe.size());
        int t = 2;
        int best = 0;
        for (int k = 0; k < recipe.bins(); k++) {
            best = at(f, recipe, k, t) > at(f, recipe, best, t) ? k : best;
        }
        assertThat(best).isEqualTo(32);
        assertThat(at(f, recipe, 0, recipe.frames() - 1))
                .isEqualTo((float) Math.log(recipe.logOffset()));
    }

    @Test
    void buildsPeriodicWindows() {
        assertThat(Window.HANN.values(4)).containsExactly(new double[] {0, 0.5, 1, 0.5},
                within(1e-15));
        assertThat(Window.HAMMING.values(2)).containsExactly(new double[] {0.08, 1.0},
                within(1e-15));
    }

    @Test
    void convertsBetweenHertzAndMelsOnBothScales() {
        assertThat(MelScale.SLANEY.toMel(1000)).isCloseTo(15.0, within(1e-12));
        assertThat(MelScale.SLANEY.toMel(500)).isCloseTo(7.5, within(1e-12));
        assertThat(MelScale.SLANEY.toMel(6400)).isCloseTo(42.0, within(1e-12));
        assertThat(MelScale.HTK.toMel(700)).isCloseTo(2595 * Math.log10(2), within(1e-9));
        for (MelScale scale : MelScale.values()) {
            for (double hz : new double[] {0, 123.4, 999, 1000, 4000, 11025}) {
                assertThat(scale.toHz(scale.toMel(hz))).isCloseTo(hz, within(1e-9));
            }
        }
    }

    @Test
    void scalesSlaneyTrianglesToEqualAreaAndPlainOnesToAPeakOfOne() {
        MelFilterbank plain = MelFilterbank.of(10, 1024, 16000, 0, 8000, MelScale.HTK, false);
        MelFilterbank slaney = MelFilterbank.of(10, 1024, 16000, 0, 8000, MelScale.HTK, true);
        for (int b = 0; b < 10; b++) {
            double peak = 0;
            double area = 0;
            for (int k = 0; k < plain.bins(); k++) {
                peak = Math.max(peak, plain.weight(b, k));
                area += slaney.weight(b, k) * 16000.0 / 1024;
            }
            assertThat(peak).isBetween(0.9, 1.0);
            assertThat(area).isCloseTo(1.0, within(0.05));
        }
    }

    @Test
    void rendersAStableTextThatChangesWithEveryRelevantKey() {
        AudioRecipe a = stft().build();

        assertThat(a.text()).isEqualTo(stft().build().text());
        assertThat(a.text()).startsWith("version=audio-features-v1;resampler=kaiser-sinc")
                .contains(";sample-rate=8000;duration=0.5;samples=4000;crop=centre;pad=zeros;")
                .contains(";feature=log-stft;window=hann;fft-size=256;win-length=256;")
                .doesNotContain("mel");
        assertThat(a.sha256()).hasSize(64).isEqualTo(stft().build().sha256());
        assertThat(stft().optHopLength(64).build().sha256()).isNotEqualTo(a.sha256());
        assertThat(stft().optMelBands(7).build().sha256()).isEqualTo(a.sha256());
        assertThat(stft().optPad(Pad.REPEAT).build()).isNotEqualTo(a);
        assertThat(a.describe()).containsEntry("fft-size", 256)
                .containsEntry("shape", java.util.List.of(1L, 129L, 32L));
    }

    @Test
    void rejectsInvalidValuesNamingTheKey() {
        assertThatThrownBy(() -> stft().optHopLength(0).build())
                .isInstanceOf(InvalidRecipeException.class)
                .hasMessageStartingWith("hop-length: ");
        assertThatThrownBy(() -> stft().optFftSize(255).build())
                .isInstanceOf(InvalidRecipeException.class)
                .extracting(e -> ((InvalidRecipeException) e).key()).isEqualTo("fft-size");
        assertThatThrownBy(() -> AudioRecipe.builder().optSampleRate(8000).optFftSize(64)
                .optMelBands(80).build())
                .isInstanceOf(InvalidRecipeException.class)
                .hasMessageStartingWith("mel-bands: ")
                .hasMessageContaining("covers no FFT bin");
        assertThatThrownBy(() -> AudioRecipe.builder().optSampleRate(8000).optFmax(5000).build())
                .hasMessageStartingWith("fmax: ");
        assertThatThrownBy(() -> stft().optCentering(Centering.NONE).optDuration(0.01).build())
                .hasMessageStartingWith("duration: ");
        assertThatThrownBy(() -> AudioRecipe.Crop.parse("middle"))
                .isInstanceOf(InvalidRecipeException.class)
                .hasMessageContaining("known: start, centre");
    }
}
