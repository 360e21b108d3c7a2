package io.mmbalance.cli;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes small data files in the formats the dataset providers and {@code mm predict} read. */
final class TestFiles {

    private TestFiles() {}

    /**
     * Writes an MNIST-layout folder of synthetic 28x28 digits: class c is a bright 8x8 square whose
     * position depends on c, over faint noise.
     */
    static void writeMnist(Path dir, int train, int test, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? train : test;
            byte[] images = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int label = random.nextInt(10);
                labels[i] = (byte) label;
                int top = 2 + (label / 5) * 12 + random.nextInt(3);
                int left = 2 + (label % 5) * 4 + random.nextInt(3);
                for (int p = 0; p < 784; p++) {
                    int r = p / 28;
                    int c = p % 28;
                    boolean on = r >= top && r < top + 8 && c >= left && c < left + 8;
                    images[i * 784 + p] =
                            (byte) (on ? 200 + random.nextInt(56) : random.nextInt(30));
                }
            }
            writeIdx(
                    dir.resolve(split + "-images-idx3-ubyte"),
                    0x803,
                    new int[] {n, 28, 28},
                    images);
            writeIdx(dir.resolve(split + "-labels-idx1-ubyte"), 0x801, new int[] {n}, labels);
        }
    }

    private static void writeIdx(Path file, int magic, int[] dims, byte[] values)
            throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        }
    }

    /** Writes float32 values as a version-1 .npy file of the given shape. */
    static void writeNpy(Path file, float[] values, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String header =
                "{'descr': '<f4', 'fortran_order': False, 'shape': ("
                        + dims.toString().trim()
                        + "), }";
        int unpadded = 10 + header.length() + 1;
        header += " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >> 8);
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array());
        }
    }

    /** Writes a mono 16-bit PCM WAV file. */
    static void writeWav(Path file, short[] samples, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        b.putShort((short) 1).putInt(rate).putInt(2 * rate).putShort((short) 2);
        b.putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (short s : samples) {
            b.putShort(s);
        }
        Files.write(file, b.array());
    }
}
