package io.mmbalance.integrators;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.mmbalance.api.ProviderRegistry;
import io.mmbalance.api.config.ConfigSections;
import io.mmbalance.api.integrate.GradientIntegrator;
import io.mmbalance.api.integrate.GradientIntegratorProvider;
import io.mmbalance.api.integrate.GradientSet;
import io.mmbalance.api.integrate.IntegratedGradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds gradient sets and integrators for the tests, the way a caller would. */
final class Fixtures {

    /** The names of this module's integrators. */
    static final List<String> NAMES = List.of("uniform", "pareto", "mmpareto", "mmpareto-official");

    private Fixtures() {}

    /** Returns a new manager on the PyTorch engine. */
    static NDManager manager() {
        return NDManager.newBaseManager("PyTorch");
    }

    /** Returns the named integrator with its defaults, found through the registry. */
    static GradientIntegrator integrator(String name) {
        return integrator(name, ConfigFactory.empty());
    }

    /** Returns the named integrator with the user's keys merged over its defaults. */
    static GradientIntegrator integrator(String name, Config user) {
        GradientIntegratorProvider provider = ProviderRegistry.integrators().get(name);
        Config section = user.withFallback(ConfigFactory.parseMap(Map.of("name", name)));
        return provider.create(
                ConfigSections.merge(section, provider.defaults(), "integrator", Set.of("name")));
    }

    /** Returns the named integrator with the user's keys given as HOCON text. */
    static GradientIntegrator integrator(String name, String hocon) {
        return integrator(name, ConfigFactory.parseString(hocon));
    }

    /** Returns a set with one single-tensor objective per array; the first is primary. */
    static GradientSet set(NDManager manager, float[]... gradients) {
        GradientSet.Builder builder = GradientSet.builder().optGroup("audio");
        for (int i = 0; i < gradients.length; i++) {
            builder.addObjective(objectiveName(i), List.of(manager.create(gradients[i])));
        }
        return builder.optPrimary(0).build();
    }

    /**
     * Returns a set whose objectives' gradients are split into tensors of the given shapes; the
     * shapes' sizes must add up to each array's length.
     */
    static GradientSet split(NDManager manager, List<Shape> shapes, float[]... gradients) {
        GradientSet.Builder builder = GradientSet.builder().optGroup("audio");
        for (int i = 0; i < gradients.length; i++) {
            List<NDArray> tensors = new ArrayList<>();
            int offset = 0;
            for (Shape shape : shapes) {
                int size = (int) shape.size();
                float[] part = new float[size];
                System.arraycopy(gradients[i], offset, part, 0, size);
                tensors.add(manager.create(part, shape));
                offset += size;
            }
            builder.addObjective(objectiveName(i), tensors);
        }
        return builder.optPrimary(0).build();
    }

    /** Returns "m" for the first objective and "u1", "u2", ... for the others. */
    static String objectiveName(int i) {
        return i == 0 ? "m" : "u" + i;
    }

    /** Returns the result's tensors flattened and concatenated, in order. */
    static float[] values(IntegratedGradient result) {
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (NDArray tensor : result.tensors()) {
            float[] part = tensor.toFloatArray();
            parts.add(part);
            total += part.length;
        }
        float[] out = new float[total];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Returns the float32 vector widened to double. */
    static double[] widen(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** Returns the dot product in double precision. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /** Returns the Euclidean norm in double precision. */
    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Returns the norm of the element-wise sum of the vectors, all in double precision. */
    static double normOfSum(float[]... vectors) {
        double squares = 0;
        for (int k = 0; k < vectors[0].length; k++) {
            double s = 0;
            for (float[] v : vectors) {
                s += v[k];
            }
            squares += s * s;
        }
        return Math.sqrt(squares);
    }

    /** Returns the element-wise sum of the vectors in double precision, rounded to float. */
    static float[] sum(float[]... vectors) {
        float[] out = new float[vectors[0].length];
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (float[] v : vectors) {
                s += v[k];
            }
            out[k] = (float) s;
        }
        return out;
    }
}
