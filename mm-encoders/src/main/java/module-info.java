/**
 * Encoder and fusion-head providers: convnet, mlp, resnet18 and spec-cnn encoders; concat, sum,
 * gated and film fusion heads.
 */
module io.mmbalance.encoders {
    requires io.mmbalance.api;

    provides io.mmbalance.api.model.EncoderProvider with
            io.mmbalance.encoders.ConvNetEncoderProvider,
            io.mmbalance.encoders.MlpEncoderProvider,
            io.mmbalance.encoders.ResNet18EncoderProvider,
            io.mmbalance.encoders.SpecCnnEncoderProvider;
    provides io.mmbalance.api.model.FusionProvider with
            io.mmbalance.encoders.ConcatFusionProvider,
            io.mmbalance.encoders.SumFusionProvider,
            io.mmbalance.encoders.GatedFusionProvider,
            io.mmbalance.encoders.FilmFusionProvider;
}
