package io.mmbalance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbalance.api.data.ModalitySpec;
import io.mmbalance.core.onnx.OnnxModelInfo;
import io.mmbalance.datasets.audio.AudioRecipe;
import io.mmbalance.datasets.audio.FeatureExtractor;
import io.mmbalance.datasets.audio.MelScale;
import io.mmbalance.datasets.audio.WavFiles;
import io.mmbalance.datasets.audio.Window;
import io.mmbalance.datasets.idx.IdxFiles;
import io.mmbalance.datasets.idx.IdxImages;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the samples of one model input from files, the way the dataset providers read them.
 *
 * <ul>
 *   <li>An IDX image file, raw or gzipped: {@code pixel / 255}, for an input of shape {@code (1,
 *       rows, cols)} or {@code (rows, cols)}; for an input of shape {@code (3, rows, cols)} a tint
 *       {@code R,G,B} (each in [0, 1]) gives channel c the values {@code pixel / 255 * tint[c]}, as
 *       CG-MNIST builds its colour modality.
 *   <li>A {@code .npy} file of float32 or float64 values in C order, of shape {@code (n, sample
 *       shape...)} or the sample shape alone for one sample: the values as they are.
 *   <li>{@code .wav} files, comma-separated, one sample each: the spectrogram of the audio recipe
 *       recorded in the model's data recipe, as the audio providers compute it.
 * </ul>
 */
final class ModelInputs {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private ModelInputs() {}

    /** The samples of one input: {@code count} samples in row-major order. */
    record Samples(float[] values, int count) {}

    /**
     * Reads one input's samples.
     *
     * @param spec the input's modality
     * @param file the path, or comma-separated {@code .wav} paths
     * @param tint the colour of a three-channel IDX input, or null
     * @param info the model's description, for the audio recipe
     */
    static Samples read(ModalitySpec spec, String file, float[] tint, OnnxModelInfo info)
            throws IOException {
        if (file.toLowerCase(Locale.ROOT).endsWith(".wav")) {
            return wav(spec, file, info);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("input '" + spec.name() + "': file not found: " + file);
        }
        if (file.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return npy(spec, path);
        }
        return idx(spec, path, tint);
    }

    private static Samples idx(ModalitySpec spec, Path path, float[] tint) throws IOException {
        IdxImages images = IdxFiles.readImages(path);
        long[] shape = spec.shape().getShape();
        int pixels = images.pixelsPerImage();
        int channels = shape.length == 3 ? (int) shape[0] : 1;
        boolean fits =
                shape.length >= 2
                        && shape[shape.length - 2] == images.rows()
                        && shape[shape.length - 1] == images.cols()
                        && (shape.length == 2 || shape.length == 3);
        if (!fits || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException(
                    "input '"
                            + spec.name()
                            + "' has shape "
                            + spec.shape()
                            + "; the IDX file "
                            + path
                            + " holds "
                            + images.rows()
                            + "x"
                            + images.cols()
                            + " images, which feed inputs of shape (1, rows, cols), (rows, cols)"
                            + " or, with --tint, (3, rows, cols)");
        }
        if (channels == 3 && tint == null) {
            throw new IllegalArgumentException(
                    "input '"
                            + spec.name()
                            + "' has 3 channels; give the colour of its IDX images with --tint "
                            + spec.name()
                            + "=R,G,B (each 0 to 1), or pass a .npy file");
        }
        if (channels == 1 && tint != null) {
            throw new IllegalArgumentException(
                    "input '" + spec.name() + "' has one channel; --tint applies to 3 channels");
        }
        int n = images.count();
        float[] values = new float[n * channels * pixels];
        float[] gray = new float[pixels];
        for (int i = 0; i < n; i++) {
            images.copyNormalized(i, gray, 0);
            for (int c = 0; c < channels; c++) {
                float scale = channels == 1 ? 1f : tint[c];
                int offset = (i * channels + c) * pixels;
                for (int p = 0; p < pixels; p++) {
                    values[offset + p] = gray[p] * scale;
                }
            }
        }
        return new Samples(values, n);
    }

    private static Samples npy(ModalitySpec spec, Path path) throws IOException {
        try (InputStream stream = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream))) {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (magic[0] != (byte) 0x93
                    || !new String(magic, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
                throw new IOException(path + ": not a .npy file");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long headerLength;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            } else {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            }
            byte[] headerBytes = new byte[Math.toIntExact(headerLength)];
            in.readFully(headerBytes);
            String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, path);
            if (group(ORDER, header, path).equals("True")) {
                throw new IOException(path + ": Fortran-ordered arrays are not supported");
            }
            long[] shape =
                    Arrays.stream(group(SHAPE, header, path).split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .mapToLong(Long::parseLong)
                            .toArray();
            long[] sample = spec.shape().getShape();
            int count;
            if (Arrays.equals(shape, sample)) {
                count = 1;
            } else if (shape.length == sample.length + 1
                    && Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), sample)) {
                count = Math.toIntExact(shape[0]);
            } else {
                throw new IllegalArgumentException(
                        "input '"
                                + spec.name()
                                + "': "
                                + path
                                + " has shape "
                                + Arrays.toString(shape)
                                + "; expected (n, "
                                + spec.shape().toString().replaceAll("[()]", "")
                                + ") or one sample "
                                + spec.shape());
            }
            int size = Math.toIntExact(count * spec.shape().size());
            float[] values = new float[size];
            ByteOrder order =
                    descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String type = descr.replaceFirst("^[<>=|]", "");
            int width;
            if (type.equals("f4")) {
                width = 4;
            } else if (type.equals("f8")) {
                width = 8;
            } else {
                throw new IOException(
                        path
                                + ": data type '"
                                + descr
                                + "' is not supported; use float32 or"
                                + " float64");
            }
            byte[] raw = new byte[size * width];
            in.readFully(raw);
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(order);
            for (int i = 0; i < size; i++) {
                values[i] = width == 4 ? buffer.getFloat() : (float) buffer.getDouble();
            }
            return new Samples(values, count);
        }
    }

    private static String group(Pattern pattern, String header, Path path) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(path + ": malformed .npy header: " + header.trim());
        }
        return m.group(1);
    }

    private static Samples wav(ModalitySpec spec, String files, OnnxModelInfo info)
            throws IOException {
        AudioRecipe recipe = audioRecipe(spec, info);
        if (!recipe.shape().equals(spec.shape())) {
            throw new IllegalArgumentException(
                    "input '"
                            + spec.name()
                            + "' has shape "
                            + spec.shape()
                            + " but the model's audio recipe gives "
                            + recipe.shape());
        }
        FeatureExtractor extractor = FeatureExtractor.of(recipe);
        List<float[]> features = new ArrayList<>();
        for (String file : files.split(",")) {
            features.add(extractor.compute(WavFiles.read(Path.of(file.trim()))));
        }
        int size = spec.sampleSize();
        float[] values = new float[features.size() * size];
        for (int i = 0; i < features.size(); i++) {
            System.arraycopy(features.get(i), 0, values, i * size, size);
        }
        return new Samples(values, features.size());
    }

    /** Rebuilds the audio recipe recorded under "test" (or "train") of the data recipe. */
    private static AudioRecipe audioRecipe(ModalitySpec spec, OnnxModelInfo info)
            throws IOException {
        JsonNode audio = null;
        if (!info.dataRecipe().isEmpty()) {
            JsonNode data = new ObjectMapper().readTree(info.dataRecipe());
            audio = data.path("test").path("audio");
            if (!audio.isObject()) {
                audio = data.path("train").path("audio");
            }
        }
        if (audio == null || !audio.isObject()) {
            throw new IllegalArgumentException(
                    "input '"
                            + spec.name()
                            + "': the model records no audio recipe, so .wav files cannot be"
                            + " turned into its features; pass them as a .npy file");
        }
        if (!AudioRecipe.VERSION.equals(audio.path("version").asText())) {
            throw new IllegalArgumentException(
                    "input '"
                            + spec.name()
                            + "': the model's audio features are of version '"
                            + audio.path("version").asText()
                            + "', this build computes '"
                            + AudioRecipe.VERSION
                            + "'; pass the features as a .npy file");
        }
        AudioRecipe.Builder b =
                AudioRecipe.builder()
                        .optSampleRate(audio.path("sample-rate").asInt())
                        .optDuration(audio.path("duration").asDouble())
                        .optCrop(AudioRecipe.Crop.parse(audio.path("crop").asText()))
                        .optPad(AudioRecipe.Pad.parse(audio.path("pad").asText()))
                        .optFeature(AudioRecipe.Feature.parse(audio.path("feature").asText()))
                        .optWindow(Window.parse(audio.path("window").asText()))
                        .optFftSize(audio.path("fft-size").asInt())
                        .optWinLength(audio.path("win-length").asInt())
                        .optHopLength(audio.path("hop-length").asInt())
                        .optCentering(AudioRecipe.Centering.parse(audio.path("center").asText()))
                        .optSpectrum(AudioRecipe.Spectrum.parse(audio.path("spectrum").asText()))
                        .optLogOffset(audio.path("log-offset").asDouble());
        if (audio.has("mel-bands")) {
            b.optMelBands(audio.path("mel-bands").asInt())
                    .optMelScale(MelScale.parse(audio.path("mel-scale").asText()))
                    .optMelNorm(AudioRecipe.MelNorm.parse(audio.path("mel-norm").asText()))
                    .optFmin(audio.path("fmin").asDouble())
                    .optFmax(audio.path("fmax").asDouble());
        }
        return b.build();
    }
}
