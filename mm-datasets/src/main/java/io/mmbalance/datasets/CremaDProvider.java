package io.mmbalance.datasets;

/**
 * Provides {@code cremad}, CREMA-D (7,442 clips of actors speaking, 6 emotions) in the OGM-GE
 * layout: modalities "audio" and "visual" as {@link AudioVisualProvider} describes them.
 *
 * <p>Defaults follow the OGM-GE code: lists {@code train.csv} and {@code test.csv}, audio
 * {@code AudioWAV/{clip}.wav}, frames at 1 fps in {@code Image-01-FPS/{clip}/}, classes in the
 * order NEU, HAP, SAD, FEA, DIS, ANG; one 224x224 frame normalised with the ImageNet mean and
 * standard deviation; audio at 22,050 Hz tiled to 3 s, log of the STFT magnitude (FFT 512, hop
 * 353, reflect centring, offset 1e-7), shape (1, 257, 188).
 */
public final class CremaDProvider extends AudioVisualProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "cremad";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public CremaDProvider() {
        super(NAME, "CREMA-D emotions from an OGM-GE folder: audio (log-STFT) and visual"
                + " (frames, 3, H, W)");
    }
}
