/**
 * Model assembly, the training loop with per-encoder gradient integration, evaluation and run
 * folders. Implementations are found through {@link java.util.ServiceLoader}.
 */
module io.mmbalance.core {
    requires transitive io.mmbalance.api;
    requires com.google.guice;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires ai.djl.pytorch_engine;
    requires com.google.protobuf;

    exports io.mmbalance.core;
    exports io.mmbalance.core.model;
    exports io.mmbalance.core.onnx;
    exports io.mmbalance.core.report;
    exports io.mmbalance.core.train;

    opens io.mmbalance.core to com.google.guice;
    opens io.mmbalance.core.onnx to com.fasterxml.jackson.databind;
}
