/** Encoder and fusion-head providers: convnet, mlp, concat and sum. */
module io.mmbalance.encoders {
    requires io.mmbalance.api;

    provides io.mmbalance.api.model.EncoderProvider with
            io.mmbalance.encoders.ConvNetEncoderProvider,
            io.mmbalance.encoders.MlpEncoderProvider;
    provides io.mmbalance.api.model.FusionProvider with
            io.mmbalance.encoders.ConcatFusionProvider,
            io.mmbalance.encoders.SumFusionProvider;
}
