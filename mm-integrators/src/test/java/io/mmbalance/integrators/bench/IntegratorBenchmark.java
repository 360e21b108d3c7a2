package io.mmbalance.integrators.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.typesafe.config.ConfigFactory;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Time per call of each integrator for two objectives over the parameter tensors of a ResNet-18
 * encoder (60 tensors, 11,176,512 parameters; the 1000-way fc head is left out because heads are
 * not integrated), float32 on the CPU through the PyTorch engine.
 *
 * <p>The two gradients conflict (cosine about -0.45), so {@code pareto} and {@code mmpareto} take
 * their full path. {@code bareSum} is the engine's floor: one addition per tensor, no Gram matrix
 * and no diagnostics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx4g", "-DOPT_OUT_TRACKING=true", "-Dai.djl.offline=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IntegratorBenchmark {

    /** The parameter shapes of ResNet-18 without its fc head (conv and batch-norm). */
    static final List<Shape> RESNET18 = resnet18();

    /** The integrator to measure. */
    @Param({"uniform", "pareto", "mmpareto", "mmpareto-official"})
    public String integrator;

    private NDManager manager;
    private GradientSet gradients;
    private GradientIntegrator subject;

    /** Creates the benchmark state; JMH calls this. */
    public IntegratorBenchmark() {}

    /** Creates two conflicting random gradients of ResNet-18's shapes and the integrator. */
    @Setup(Level.Trial)
    public void setUp() {
        manager = NDManager.newBaseManager("PyTorch");
        manager.getEngine().setRandomSeed(42);
        List<NDArray> multimodal = new ArrayList<>();
        List<NDArray> unimodal = new ArrayList<>();
        for (Shape shape : RESNET18) {
            NDArray m = manager.randomNormal(shape);
            NDArray noise = manager.randomNormal(shape);
            NDArray u = m.mul(-0.5f).add(noise);
            noise.close();
            multimodal.add(m);
            unimodal.add(u);
        }
        gradients =
                GradientSet.builder()
                        .optGroup("resnet18")
                        .addObjective("multimodal", multimodal)
                        .markLastPrimary()
                        .addObjective("unimodal", unimodal)
                        .build();
        GradientIntegratorProvider provider = ProviderRegistry.integrators().get(integrator);
        subject =
                provider.create(
                        ConfigSections.merge(
                                ConfigFactory.empty(),
                                provider.defaults(),
                                "integrator",
                                Set.of("name")));
    }

    /** Closes every array. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /**
     * Integrates the two gradients once and frees the result.
     *
     * @param sink keeps the diagnostics alive
     */
    @Benchmark
    public void integrate(Blackhole sink) {
        IntegratedGradient result = subject.integrate(gradients);
        sink.consume(result.diagnostics());
        for (NDArray t : result.tensors()) {
            t.close();
        }
    }

    /**
     * Adds the two gradients tensor by tensor with nothing else: the engine's floor.
     *
     * @param sink keeps the last sum's shape alive
     */
    @Benchmark
    public void bareSum(Blackhole sink) {
        for (int t = 0; t < gradients.tensorCount(); t++) {
            try (NDArray sum = gradients.gradient(0).get(t).add(gradients.gradient(1).get(t))) {
                sink.consume(sum.getShape());
            }
        }
    }

    /**
     * Runs the benchmark with the settings in the annotations.
     *
     * @param args unused
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        long parameters = RESNET18.stream().mapToLong(Shape::size).sum();
        System.out.printf(
                "ResNet-18 encoder: %d tensors, %,d parameters, 2 objectives, OMP_NUM_THREADS=%s%n",
                RESNET18.size(), parameters, System.getenv("OMP_NUM_THREADS"));
        Options options =
                new OptionsBuilder()
                        .include(IntegratorBenchmark.class.getName() + ".integrate")
                        .build();
        new Runner(options).run();
        Options floor =
                new OptionsBuilder()
                        .include(IntegratorBenchmark.class.getName() + ".bareSum")
                        .param("integrator", "uniform")
                        .build();
        new Runner(floor).run();
    }

    private static List<Shape> resnet18() {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape(64, 3, 7, 7));
        batchNorm(shapes, 64);
        int in = 64;
        for (int width : new int[] {64, 128, 256, 512}) {
            for (int block = 0; block < 2; block++) {
                int blockIn = block == 0 ? in : width;
                shapes.add(new Shape(width, blockIn, 3, 3));
                batchNorm(shapes, width);
                shapes.add(new Shape(width, width, 3, 3));
                batchNorm(shapes, width);
                if (block == 0 && blockIn != width) {
                    shapes.add(new Shape(width, blockIn, 1, 1));
                    batchNorm(shapes, width);
                }
            }
            in = width;
        }
        return List.copyOf(shapes);
    }

    private static void batchNorm(List<Shape> shapes, int channels) {
        shapes.add(new Shape(channels));
        shapes.add(new Shape(channels));
    }
}
