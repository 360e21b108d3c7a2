package io.mmbalance.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.typesafe.config.Config;
import io.mmbalance.api.export.OnnxExportable;
import io.mmbalance.api.export.OnnxGraph;
import io.mmbalance.api.model.FusionProvider;
import java.util.List;
import java.util.Map;

/**
 * FiLM fusion of two modalities: the conditioning modality produces a scale gamma and a shift beta
 * by one linear layer; they modulate the other modality's features, and a linear classifier reads
 * the result: {@code logits = fc_out(gamma * t + beta)} with {@code [gamma, beta] = fc(c)}.
 *
 * <p>With x the first modality and y the second in modality order, x conditions y ({@code c = x},
 * {@code t = y}) when {@code x-film = true}, and y conditions x otherwise. With {@code hidden = 0}
 * the modulated vector is the target's own features, so gamma and beta have the target's feature
 * size; with {@code hidden > 0} the target first passes through a linear layer to {@code hidden}
 * units. The head fuses exactly two modalities; with any other count {@link #create} throws.
 */
public final class FilmFusionProvider implements FusionProvider {

    private static final String OWNER = "fusion 'film'";

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public FilmFusionProvider() {}

    @Override
    public String name() {
        return "film";
    }

    @Override
    public String description() {
        return "one modality's scale and shift modulate the other's features, then linear"
                + " (2 modalities)";
    }

    @Override
    public Config defaults() {
        return Defaults.of("mm.fusions.film");
    }

    @Override
    public Block create(Config config, List<Long> featureSizes, int classes) {
        Checks.requireTwo(featureSizes, OWNER);
        boolean xFilm = config.getBoolean("x-film");
        int hidden = Checks.atLeast(config, "hidden", 0, OWNER);
        long target = featureSizes.get(xFilm ? 1 : 0);
        return new FilmHead(hidden, hidden > 0 ? hidden : target, xFilm, classes);
    }

    /** Modulates one modality's features by a scale and shift computed from the other's. */
    static final class FilmHead extends AbstractBlock implements OnnxExportable {
        private final Linear fc;
        private final Linear projection;
        private final Linear fcOut;
        private final long width;
        private final boolean xFilm;
        private final int classes;

        FilmHead(int hidden, long width, boolean xFilm, int classes) {
            this.width = width;
            this.xFilm = xFilm;
            this.classes = classes;
            fc = addChildBlock("fc", Linear.builder().setUnits(2 * width).build());
            projection =
                    hidden > 0
                            ? addChildBlock("projection", Linear.builder().setUnits(hidden).build())
                            : null;
            fcOut = addChildBlock("fc-out", Linear.builder().setUnits(classes).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore store,
                NDList inputs,
                boolean training,
                PairList<String, Object> params) {
            Checks.requireTwo(inputs, OWNER);
            NDArray condition = inputs.get(xFilm ? 0 : 1);
            NDArray target = inputs.get(xFilm ? 1 : 0);
            if (projection != null) {
                target = Layers.apply(projection, store, target, training);
            }
            NDList film = Layers.apply(fc, store, condition, training).split(new long[] {width}, 1);
            NDArray modulated = film.get(0).mul(target).add(film.get(1));
            return new NDList(Layers.apply(fcOut, store, modulated, training));
        }

        @Override
        public List<String> exportOnnx(OnnxGraph graph, List<String> inputs) {
            String condition = inputs.get(xFilm ? 0 : 1);
            String target = inputs.get(xFilm ? 1 : 0);
            if (projection != null) {
                target = Layers.export(graph, projection, target);
            }
            String film = Layers.export(graph, fc, condition);
            String gamma = slice(graph, film, 0, width, "gamma");
            String beta = slice(graph, film, width, 2 * width, "beta");
            String scaled = Layers.node(graph, "Mul", Map.of(), gamma, target);
            String modulated = Layers.node(graph, "Add", Map.of(), scaled, beta);
            return List.of(Layers.export(graph, fcOut, modulated));
        }

        private static String slice(OnnxGraph graph, String x, long from, long to, String hint) {
            return Layers.node(
                    graph,
                    "Slice",
                    Map.of(),
                    x,
                    graph.addInt64s(hint + ".starts", from),
                    graph.addInt64s(hint + ".ends", to),
                    graph.addInt64s(hint + ".axes", 1));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
        }

        @Override
        protected void initializeChildBlocks(
                NDManager manager, DataType dataType, Shape... inputShapes) {
            fc.initialize(manager, dataType, inputShapes[xFilm ? 0 : 1]);
            if (projection != null) {
                projection.initialize(manager, dataType, inputShapes[xFilm ? 1 : 0]);
            }
            fcOut.initialize(manager, dataType, new Shape(inputShapes[0].get(0), width));
        }
    }
}
