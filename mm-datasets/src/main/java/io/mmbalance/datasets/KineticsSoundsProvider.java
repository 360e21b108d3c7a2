package io.mmbalance.datasets;

/**
 * Provides {@code kinetics-sounds}, Kinetics-Sounds (31 human actions, 10 s clips) in the
 * OGM-GE layout: modalities "audio" and "visual" as {@link AudioVisualProvider} describes
 * them.
 *
 * <p>Defaults: lists {@code train.csv} and {@code test.csv}, audio {@code audio/{clip}.wav},
 * frames at 1 fps in {@code visual/{clip}/}, classes the sorted labels of the training list;
 * three 224x224 frames normalised with the ImageNet mean and standard deviation; audio at
 * 16 kHz tiled to 10 s, log of the STFT magnitude (a 512-sample window overlapping by 353,
 * that is hop 159, no centring, offset 1e-7), shape (1, 257, 1004). The MMPareto paper
 * publishes no audio recipe for this dataset; this one is a documented choice.
 */
public final class KineticsSoundsProvider extends AudioVisualProvider {

    /** The name by which configuration selects this dataset. */
    public static final String NAME = "kinetics-sounds";

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public KineticsSoundsProvider() {
        super(NAME, "Kinetics-Sounds actions from an OGM-GE folder: audio (log-STFT) and visual"
                + " (frames, 3, H, W)");
    }
}
