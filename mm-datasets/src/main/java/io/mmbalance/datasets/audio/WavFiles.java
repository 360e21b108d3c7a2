package io.mmbalance.datasets.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads WAV files into mono clips.
 *
 * <p>A file is a RIFF container of type {@code WAVE} holding a {@code fmt } chunk and a {@code
 * data} chunk in either order; any other chunk ({@code LIST}, {@code fact}, {@code cue }, ...)
 * is skipped, and a chunk of odd size is followed by one pad byte, as RIFF requires. Decoded:
 * integer PCM (format 1) of 8 bits (unsigned, silence at 128), 16, 24 or 32 bits (signed,
 * little-endian), IEEE float (format 3) of 32 or 64 bits, and {@code WAVE_FORMAT_EXTENSIBLE}
 * (0xFFFE) whose sub-format GUID is PCM or IEEE float. One or two channels; two are mixed to
 * mono by averaging. An integer sample {@code s} of {@code b} bits becomes {@code s / 2^(b-1)},
 * so the values lie in [-1, 1); float samples are clipped to [-1, 1].
 *
 * <p>Everything else is rejected with a {@link WavFormatException} that names the file and the
 * reason: a file that is not RIFF/WAVE (including big-endian {@code RIFX} and {@code RF64}), a
 * compressed format (ADPCM, A-law, mu-law, MP3, ...), more than two channels, a missing {@code
 * fmt } or {@code data} chunk, a chunk that runs past the end of the file, a block size that
 * does not match the channels and bits, and non-finite float samples.
 */
public final class WavFiles {

    /** The format tag of integer PCM. */
    public static final int FORMAT_PCM = 0x0001;

    /** The format tag of IEEE floating-point samples. */
    public static final int FORMAT_IEEE_FLOAT = 0x0003;

    /** The format tag of {@code WAVE_FORMAT_EXTENSIBLE}, whose GUID names the sample format. */
    public static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** The last 14 bytes of the sub-format GUID of every standard format tag. */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
        (byte) 0x9B, 0x71
    };

    private WavFiles() {}

    /** The checked contents of a {@code fmt } chunk. */
    private record Format(int tag, int channels, int sampleRate, int blockAlign, int bits) {

        int bytesPerSample() {
            return bits / 8;
        }
    }

    /**
     * Reads a WAV file and mixes it to mono.
     *
     * @param file the file
     * @return the samples, in [-1, 1], at the file's sample rate
     * @throws WavFormatException when the file is malformed or in a format not decoded here
     * @throws IOException when the file cannot be read
     */
    public static AudioClip read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new WavFormatException(file, "is a folder, not a WAV file");
        }
        return decode(file, Files.readAllBytes(file));
    }

    /**
     * Decodes the bytes of a WAV file and mixes them to mono.
     *
     * @param file the file the bytes came from, named in messages
     * @param bytes the whole file
     * @return the samples, in [-1, 1], at the file's sample rate
     * @throws WavFormatException when the bytes are malformed or in a format not decoded here
     */
    public static AudioClip decode(Path file, byte[] bytes) throws WavFormatException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12) {
            throw new WavFormatException(
                    file, "holds " + bytes.length + " bytes, too few for a RIFF/WAVE header (12)");
        }
        String riff = fourCc(bytes, 0);
        if (!riff.equals("RIFF")) {
            String why = switch (riff) {
                case "RIFX" -> "is a big-endian RIFX file; only little-endian RIFF WAV is read";
                case "RF64" -> "is an RF64 (64-bit RIFF) file; only RIFF WAV up to 4 GB is read";
                default -> "is not a WAV file: it starts with " + describeId(riff)
                        + " instead of \"RIFF\"";
            };
            throw new WavFormatException(file, why);
        }
        if (!fourCc(bytes, 8).equals("WAVE")) {
            throw new WavFormatException(
                    file, "is a RIFF file of type " + describeId(fourCc(bytes, 8))
                            + ", not \"WAVE\"");
        }
        Format format = null;
        int dataOffset = -1;
        long dataSize = -1;
        int pos = 12;
        while (bytes.length - pos >= 8) {
            String id = fourCc(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            long available = bytes.length - (long) body;
            if (id.equals("fmt ")) {
                if (format != null) {
                    throw new WavFormatException(file, "holds two \"fmt \" chunks");
                }
                if (size > available) {
                    throw new WavFormatException(file, "truncated: the \"fmt \" chunk declares "
                            + size + " bytes but the file holds " + available
                            + " after its header");
                }
                format = parseFormat(file, buf, body, (int) size);
            } else if (id.equals("data")) {
                if (dataOffset >= 0) {
                    throw new WavFormatException(file, "holds two \"data\" chunks");
                }
                if (size > available) {
                    throw new WavFormatException(file, "truncated: the \"data\" chunk declares "
                            + size + " bytes but the file holds only " + available
                            + " after its header");
                }
                dataOffset = body;
                dataSize = size;
            } else if (size > available) {
                if (format != null && dataOffset >= 0) {
                    break;
                }
                throw new WavFormatException(file, "truncated: the " + describeId(id)
                        + " chunk at byte " + pos + " declares " + size
                        + " bytes but the file holds only " + available + " after its header");
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                break;
            }
            pos = (int) next;
        }
        if (format == null) {
            throw new WavFormatException(file, "has no \"fmt \" chunk, so its format is unknown");
        }
        if (dataOffset < 0) {
            throw new WavFormatException(file, "has no \"data\" chunk");
        }
        if (dataSize % format.blockAlign() != 0) {
            throw new WavFormatException(file, "truncated: the \"data\" chunk holds " + dataSize
                    + " bytes, not a whole number of " + format.blockAlign() + "-byte frames");
        }
        int frames = (int) (dataSize / format.blockAlign());
        return AudioClip.wrap(samples(file, buf, dataOffset, frames, format), format.sampleRate());
    }

    private static Format parseFormat(Path file, ByteBuffer buf, int at, int size)
            throws WavFormatException {
        if (size < 16) {
            throw new WavFormatException(
                    file, "the \"fmt \" chunk holds " + size + " bytes; it needs at least 16");
        }
        int tag = Short.toUnsignedInt(buf.getShort(at));
        int channels = Short.toUnsignedInt(buf.getShort(at + 2));
        long rate = Integer.toUnsignedLong(buf.getInt(at + 4));
        int blockAlign = Short.toUnsignedInt(buf.getShort(at + 12));
        int bits = Short.toUnsignedInt(buf.getShort(at + 14));
        int sampleFormat = tag;
        if (tag == FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new WavFormatException(file, "the \"fmt \" chunk of WAVE_FORMAT_EXTENSIBLE"
                        + " holds " + size + " bytes; it needs 40");
            }
            int validBits = Short.toUnsignedInt(buf.getShort(at + 18));
            if (validBits > bits) {
                throw new WavFormatException(file, "WAVE_FORMAT_EXTENSIBLE declares "
                        + validBits + " valid bits in a " + bits + "-bit container");
            }
            byte[] guid = new byte[16];
            buf.get(at + 24, guid);
            sampleFormat = Short.toUnsignedInt(buf.getShort(at + 24));
            if (!Arrays.equals(guid, 2, 16, GUID_TAIL, 0, GUID_TAIL.length)) {
                throw new WavFormatException(file, "WAVE_FORMAT_EXTENSIBLE with the sub-format"
                        + " GUID " + guid(guid) + ", which is no standard format; only PCM and"
                        + " IEEE float are read");
            }
        }
        String where = tag == FORMAT_EXTENSIBLE ? "WAVE_FORMAT_EXTENSIBLE with sub-format "
                : "format ";
        if (sampleFormat != FORMAT_PCM && sampleFormat != FORMAT_IEEE_FLOAT) {
            throw new WavFormatException(file, "uses " + where
                    + String.format(Locale.ROOT, "0x%04X", sampleFormat) + " ("
                    + formatName(sampleFormat) + "); only PCM (1) and IEEE float (3) are read");
        }
        if (channels < 1 || channels > 2) {
            throw new WavFormatException(file, "has " + channels
                    + " channels; only mono and stereo are read");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) {
            throw new WavFormatException(file, "declares a sample rate of " + rate + " Hz");
        }
        boolean pcm = sampleFormat == FORMAT_PCM;
        if (pcm && bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            throw new WavFormatException(file, "holds " + bits + "-bit PCM; only 8, 16, 24 and"
                    + " 32 bits are read");
        }
        if (!pcm && bits != 32 && bits != 64) {
            throw new WavFormatException(file, "holds " + bits + "-bit IEEE float; only 32 and"
                    + " 64 bits are read");
        }
        if (blockAlign != channels * bits / 8) {
            throw new WavFormatException(file, "declares a block size of " + blockAlign
                    + " bytes, but " + channels + " channel(s) of " + bits + " bits take "
                    + channels * bits / 8);
        }
        return new Format(sampleFormat, channels, (int) rate, blockAlign, bits);
    }

    private static float[] samples(Path file, ByteBuffer buf, int at, int frames, Format f)
            throws WavFormatException {
        float[] out = new float[frames];
        int step = f.bytesPerSample();
        for (int i = 0; i < frames; i++) {
            int frame = at + i * f.blockAlign();
            double sum = 0;
            for (int c = 0; c < f.channels(); c++) {
                double v = sample(buf, frame + c * step, f);
                if (!Double.isFinite(v)) {
                    throw new WavFormatException(file, "sample " + i + " of channel " + c
                            + " is " + v + "; float samples must be finite");
                }
                sum += v;
            }
            double mono = sum / f.channels();
            out[i] = (float) Math.max(-1.0, Math.min(1.0, mono));
        }
        return out;
    }

    private static double sample(ByteBuffer buf, int at, Format f) {
        if (f.tag() == FORMAT_IEEE_FLOAT) {
            return f.bits() == 32 ? buf.getFloat(at) : buf.getDouble(at);
        }
        return switch (f.bits()) {
            case 8 -> ((buf.get(at) & 0xff) - 128) / 128.0;
            case 16 -> buf.getShort(at) / 32768.0;
            case 24 -> ((buf.get(at) & 0xff) | (buf.get(at + 1) & 0xff) << 8
                    | buf.get(at + 2) << 16) / 8388608.0;
            default -> buf.getInt(at) / 2147483648.0;
        };
    }

    private static String formatName(int tag) {
        return switch (tag) {
            case 0x0002 -> "Microsoft ADPCM, compressed";
            case 0x0006 -> "A-law, compressed";
            case 0x0007 -> "mu-law, compressed";
            case 0x0011 -> "IMA ADPCM, compressed";
            case 0x0031 -> "GSM 6.10, compressed";
            case 0x0050 -> "MPEG, compressed";
            case 0x0055 -> "MPEG layer 3, compressed";
            case 0x00FF -> "AAC, compressed";
            case 0xF1AC -> "FLAC, compressed";
            default -> "an unsupported, probably compressed format";
        };
    }

    private static String fourCc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static String describeId(String id) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    private static String guid(byte[] g) {
        ByteBuffer b = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%08X-%04X-%04X-",
                b.getInt(0), b.getShort(4), b.getShort(6)));
        for (int i = 8; i < 16; i++) {
            sb.append(String.format(Locale.ROOT, "%02X", g[i]));
            if (i == 9) {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
