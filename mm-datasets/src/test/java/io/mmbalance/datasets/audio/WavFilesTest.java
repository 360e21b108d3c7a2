package io.mmbalance.datasets.audio;

import static io.mmbalance.datasets.audio.WavTestFiles.chunk;
import static io.mmbalance.datasets.audio.WavTestFiles.fmt;
import static io.mmbalance.datasets.audio.WavTestFiles.fmtExtensible;
import static io.mmbalance.datasets.audio.WavTestFiles.riff;
import static io.mmbalance.datasets.audio.WavTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFilesTest {

    @TempDir Path dir;

    private static byte[] le16(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    @Test
    void readsEightBitUnsignedPcmAfterALinkChunkOfOddSize() throws Exception {
        byte[] list = chunk("LIST", "INFOx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] data = {0, (byte) 128, (byte) 255, 64, (byte) 192};
        Path file = write(dir.resolve("u8.wav"),
                riff(chunk("fmt ", fmt(1, 1, 11025, 8)), list, chunk("data", data)));

        AudioClip clip = WavFiles.read(file);

        assertThat(list).hasSize(8 + 5 + 1);
        assertThat(clip.sampleRate()).isEqualTo(11025);
        assertThat(clip.samples()).containsExactly(-1f, 0f, 127f / 128, -0.5f, 0.5f);
    }

    @Test
    void mixesExtensibleSixteenBitStereoToMonoByAveraging() throws Exception {
        byte[] data = le16(16384, 0, -32768, -32768, 8192, -8192, 32767, 32767);
        Path file = write(dir.resolve("ext.wav"),
                riff(chunk("fmt ", fmtExtensible(2, 48000, 16, 1)), chunk("data", data)));

        AudioClip clip = WavFiles.read(file);

        assertThat(clip.sampleRate()).isEqualTo(48000);
        assertThat(clip.length()).isEqualTo(4);
        assertThat(clip.samples()).containsExactly(0.25f, -1f, 0f, 32767f / 32768);
    }

    @Test
    void readsTwentyFourBitSignedPcm() throws Exception {
        byte[] data = {
            (byte) 0xff, (byte) 0xff, 0x7f,
            0x00, 0x00, (byte) 0x80,
            0x00, 0x00, 0x40,
            (byte) 0xff, (byte) 0xff, (byte) 0xff,
        };
        Path file = write(dir.resolve("s24.wav"),
                riff(chunk("fmt ", fmt(1, 1, 16000, 24)), chunk("data", data)));

        float[] s = WavFiles.read(file).samples();

        assertThat(s[0]).isCloseTo(1f, within(1e-6f));
        assertThat(s[1]).isEqualTo(-1f);
        assertThat(s[2]).isEqualTo(0.5f);
        assertThat(s[3]).isEqualTo(-1f / 8388608);
    }

    @Test
    void readsIeeeFloatAndClipsToPlusMinusOne() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(0.25f).putFloat(-0.5f).putFloat(1.5f).putFloat(-3f);
        Path plain = write(dir.resolve("f32.wav"),
                riff(chunk("fmt ", fmt(3, 1, 22050, 32)), chunk("data", b.array())));
        Path extensible = write(dir.resolve("f32x.wav"),
                riff(chunk("fmt ", fmtExtensible(1, 22050, 32, 3)), chunk("data", b.array())));

        assertThat(WavFiles.read(plain).samples()).containsExactly(0.25f, -0.5f, 1f, -1f);
        assertThat(WavFiles.read(extensible)).isEqualTo(WavFiles.read(plain));
    }

    @Test
    void readsChunksInAnyOrderAndSkipsUnknownOnes() throws Exception {
        byte[] data = le16(0, 16384, -16384);
        Path file = write(dir.resolve("order.wav"), riff(
                chunk("data", data), chunk("junk", new byte[3]),
                chunk("fmt ", fmt(1, 1, 8000, 16)), chunk("cue ", new byte[4])));

        assertThat(WavFiles.read(file).samples()).containsExactly(0f, 0.5f, -0.5f);
    }

    @Test
    void readsThirtyTwoBitIntegerPcm() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(Integer.MIN_VALUE).putInt(1 << 30);
        Path file = write(dir.resolve("s32.wav"),
                riff(chunk("fmt ", fmt(1, 1, 8000, 32)), chunk("data", b.array())));

        assertThat(WavFiles.read(file).samples()).containsExactly(-1f, 0.5f);
    }

    @Test
    void rejectsACompressedFormatNamingTheFile() {
        Path file = write(dir.resolve("adpcm.wav"),
                riff(chunk("fmt ", fmt(2, 1, 8000, 4)), chunk("data", new byte[16])));

        assertThatThrownBy(() -> WavFiles.read(file))
                .isInstanceOf(WavFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("0x0002")
                .hasMessageContaining("ADPCM, compressed")
                .hasMessageContaining("only PCM (1) and IEEE float (3)");
    }

    @Test
    void rejectsAnExtensibleFileWithACompressedSubFormat() {
        Path file = write(dir.resolve("mulaw.wav"),
                riff(chunk("fmt ", fmtExtensible(1, 8000, 8, 7)), chunk("data", new byte[4])));

        assertThatThrownBy(() -> WavFiles.read(file))
                .isInstanceOf(WavFormatException.class)
                .hasMessageContaining("mulaw.wav")
                .hasMessageContaining("WAVE_FORMAT_EXTENSIBLE with sub-format 0x0007");
    }

    @Test
    void rejectsMalformedFilesNamingTheFileAndTheReason() {
        byte[] fmt16 = chunk("fmt ", fmt(1, 1, 8000, 16));
        byte[] full = riff(fmt16, chunk("data", le16(1, 2, 3, 4)));
        byte[] truncated = Arrays.copyOf(full, full.length - 3);
        expectRejected("nodata.wav", riff(fmt16), "no \"data\" chunk");
        expectRejected("nofmt.wav", riff(chunk("data", le16(1, 2))), "no \"fmt \" chunk");
        expectRejected("cut.wav", truncated, "truncated");
        expectRejected("surround.wav",
                riff(chunk("fmt ", fmt(1, 6, 8000, 16)), chunk("data", new byte[12])),
                "6 channels");
        expectRejected("text.wav", "hello, this is no audio".getBytes(), "is not a WAV file");
        expectRejected("tiny.wav", new byte[5], "too few");
        expectRejected("rifx.wav", "RIFX\0\0\0\0WAVE".getBytes(), "big-endian");
        expectRejected("avi.wav", "RIFF\4\0\0\0AVI ".getBytes(), "not \"WAVE\"");
        expectRejected("frame.wav", riff(fmt16, chunk("data", new byte[3])),
                "whole number of 2-byte frames");
        expectRejected("twelve.wav",
                riff(chunk("fmt ", fmt(1, 1, 8000, 12)), chunk("data", new byte[4])),
                "12-bit PCM");
    }

    @Test
    void rejectsNonFiniteFloatSamples() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(0f).putFloat(Float.NaN);
        expectRejected("nan.wav", riff(chunk("fmt ", fmt(3, 1, 8000, 32)),
                chunk("data", b.array())), "sample 1 of channel 0 is NaN");
    }

    @Test
    void acceptsAMissingPadByteAfterTheLastChunk() throws Exception {
        byte[] file = riff(chunk("fmt ", fmt(1, 1, 8000, 8)), chunk("data", new byte[] {1, 2,
            3}));
        byte[] withoutPad = Arrays.copyOf(file, file.length - 1);

        assertThat(WavFiles.decode(dir.resolve("x.wav"), withoutPad).length()).isEqualTo(3);
    }

    private void expectRejected(String name, byte[] bytes, String reason) {
        Path file = write(dir.resolve(name), bytes);
        assertThatThrownBy(() -> WavFiles.read(file))
                .isInstanceOf(WavFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(reason);
    }
}
