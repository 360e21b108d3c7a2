package io.mmbalance.datasets.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small WAV files byte by byte for tests. */
public final class WavTestFiles {

    private WavTestFiles() {}

    /** Returns a RIFF chunk: id, little-endian size, body and a pad byte when the size is odd. */
    public static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    /** Returns the 16-byte body of a plain {@code fmt } chunk. */
    public static byte[] fmt(int tag, int channels, int rate, int bits) {
        int block = channels * bits / 8;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * block).putShort((short) block).putShort((short) bits).array();
    }

    /** Returns the 40-byte body of a {@code WAVE_FORMAT_EXTENSIBLE} {@code fmt } chunk. */
    public static byte[] fmtExtensible(int channels, int rate, int bits, int subFormat) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmt(0xFFFE, channels, rate, bits));
        b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
        b.putShort((short) subFormat);
        b.put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return b.array();
    }

    /** Returns a RIFF/WAVE file holding the given chunks in order. */
    public static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        byte[] content = body.toByteArray();
        return ByteBuffer.allocate(8 + content.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(content.length)
                .put(content).array();
    }

    /** Returns 16-bit little-endian PCM data of the samples, rounded and clipped. */
    public static byte[] pcm16(float... samples) {
        ByteBuffer b = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(s * 32768.0))));
        }
        return b.array();
    }

    /** Returns the bytes of a mono 16-bit PCM WAV file. */
    public static byte[] mono16(int rate, float... samples) {
        return riff(chunk("fmt ", fmt(1, 1, rate, 16)), chunk("data", pcm16(samples)));
    }

    /** Writes a mono 16-bit PCM WAV file and returns it. */
    public static Path writeMono16(Path file, int rate, float... samples) {
        return write(file, mono16(rate, samples));
    }

    /** Writes bytes to a file, creating its folder, and returns it. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns {@code n} samples of {@code amplitude * sin(2 pi hz t)} at a rate. */
    public static float[] tone(double hz, int rate, int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }
}
