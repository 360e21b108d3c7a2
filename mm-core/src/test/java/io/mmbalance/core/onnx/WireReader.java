package io.mmbalance.core.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of one protobuf message, for checking what the exporter wrote. */
final class WireReader {

    private final byte[] bytes;

    WireReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Returns the values of a varint field, in order. */
    List<Long> longs(int field) {
        List<Long> out = new ArrayList<>();
        scan(field, (type, in) -> out.add(in.readInt64()));
        return out;
    }

    /** Returns the values of a length-delimited field as strings. */
    List<String> strings(int field) {
        List<String> out = new ArrayList<>();
        scan(field, (type, in) -> out.add(new String(in.readByteArray(), StandardCharsets.UTF_8)));
        return out;
    }

    /** Returns the values of a length-delimited field as bytes. */
    List<byte[]> messages(int field) {
        List<byte[]> out = new ArrayList<>();
        scan(field, (type, in) -> out.add(in.readByteArray()));
        return out;
    }

    private interface FieldReader {
        void read(int type, CodedInputStream in) throws IOException;
    }

    private void scan(int field, FieldReader reader) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == field) {
                    reader.read(WireFormat.getTagWireType(tag), in);
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
