package io.mmbalance.api.model.layers;

import ai.djl.MalformedModelException;
import ai.djl.nn.AbstractBlock;
import io.mmbalance.api.export.OnnxExportable;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A block without parameters or children that computes a fixed function of its attributes and knows
 * its ONNX translation.
 *
 * <p>Its entry in a parameter file has the layout of DJL's {@code LambdaBlock} (version 2, then the
 * input shapes), so parameter files saved by models built with the lambda blocks these layers
 * replace load into models built with the layers, and the other way round.
 */
public abstract class ParameterFreeLayer extends AbstractBlock implements OnnxExportable {

    private static final byte VERSION = 2;

    /** Creates the layer with the parameter-file version of DJL's lambda blocks. */
    protected ParameterFreeLayer() {
        super(VERSION);
    }

    /**
     * Reads the input shapes, accepting the two versions DJL's lambda blocks have written.
     *
     * @param loadVersion the version found in the file
     * @param is the stream
     * @throws IOException when the stream cannot be read
     * @throws MalformedModelException when the version is neither 1 nor 2
     */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is)
            throws IOException, MalformedModelException {
        if (loadVersion == VERSION) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException(
                    getClass().getSimpleName() + ": unsupported encoding version " + loadVersion);
        }
    }
}
