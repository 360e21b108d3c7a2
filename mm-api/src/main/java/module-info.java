/** Service interfaces and value types of the framework: the plugin points every module shares. */
module io.mmbalance.api {
    requires transitive ai.djl.api;
    requires transitive typesafe.config;

    exports io.mmbalance.api;
    exports io.mmbalance.api.config;
    exports io.mmbalance.api.data;
    exports io.mmbalance.api.export;
    exports io.mmbalance.api.integrate;
    exports io.mmbalance.api.model;
    exports io.mmbalance.api.model.layers;

    uses io.mmbalance.api.data.DatasetProvider;
    uses io.mmbalance.api.integrate.GradientIntegratorProvider;
    uses io.mmbalance.api.model.EncoderProvider;
    uses io.mmbalance.api.model.FusionProvider;
}
