package io.mmbalance.datasets;

import ai.djl.ndarray.types.Shape;
import io.mmbalance.api.data.ModalitySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A modality of video frames, shape (frames, 3, height, width): a few JPEG frames per clip,
 * decoded, resized and normalised when copied. The encoder folds the frames into the batch.
 *
 * <p>Frame choice: a clip's {@code n} frames (in natural name order) are cut into {@code
 * frames} equal segments, segment {@code i} spanning {@code [floor(i n / frames), floor((i + 1)
 * n / frames))}. At test the middle frame of each segment is taken, {@code floor((2 i + 1) n /
 * (2 frames))}, so the choice is fixed. At train a uniformly drawn frame of each segment is
 * taken, and with {@code flip} the frames are mirrored left to right with probability 1/2;
 * the {@code r}-th read of sample {@code s} draws from a {@link SplittableRandom} seeded with a
 * hash of {@code (seed, s, r)}, so every epoch sees new frames and a run with the same seed and
 * batch order sees the same ones. A clip with fewer frames than asked repeats frames.
 */
final class FramesModality implements FileModality {

    private final ModalitySpec spec;
    private final List<List<Path>> frames;
    private final int count;
    private final ImageTensors.Format format;
    private final boolean train;
    private final boolean flip;
    private final long seed;
    private final AtomicIntegerArray reads;

    FramesModality(String name, List<List<Path>> frames, int count, ImageTensors.Format format,
            boolean train, boolean flip, long seed) {
        this.spec = new ModalitySpec(name,
                new Shape(count, format.channels(), format.height(), format.width()));
        this.frames = List.copyOf(frames);
        this.count = count;
        this.format = format;
        this.train = train;
        this.flip = flip;
        this.seed = seed;
        this.reads = new AtomicIntegerArray(frames.size());
    }

    @Override
    public ModalitySpec spec() {
        return spec;
    }

    @Override
    public void copy(int index, float[] dest, int offset) throws IOException {
        List<Path> clip = frames.get(index);
        int[] chosen;
        boolean mirror = false;
        if (train) {
            SplittableRandom rng = new SplittableRandom(
                    mix(seed, index, reads.getAndIncrement(index)));
            chosen = randomInSegments(clip.size(), count, rng);
            mirror = flip && rng.nextBoolean();
        } else {
            chosen = evenlySpaced(clip.size(), count);
        }
        int size = format.size();
        for (int f = 0; f < count; f++) {
            ImageTensors.copy(ImageTensors.read(clip.get(chosen[f])), format, mirror, dest,
                    offset + f * size);
        }
    }

    /** Returns the frames a test read takes: the middle of each of {@code count} segments. */
    static int[] evenlySpaced(int available, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) ((2L * i + 1) * available / (2L * count));
        }
        return out;
    }

    /** Returns one uniformly drawn frame of each of {@code count} equal segments. */
    static int[] randomInSegments(int available, int count, SplittableRandom rng) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int from = (int) ((long) i * available / count);
            int to = (int) ((long) (i + 1) * available / count);
            out[i] = to > from ? from + rng.nextInt(to - from) : Math.min(from, available - 1);
        }
        return out;
    }

    /** Returns the frames of a clip, for tests. */
    List<Path> clipFrames(int index) {
        return frames.get(index);
    }

    private static long mix(long seed, int sample, int read) {
        long h = seed;
        h = murmur(h ^ (0x9E3779B97F4A7C15L * (sample + 1L)));
        h = murmur(h ^ (0xC2B2AE3D27D4EB4FL * (read + 1L)));
        return h;
    }

    private static long murmur(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
