package io.mmbalance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a run's {@code metrics.jsonl} as PNG charts. */
final class RunPlots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    private RunPlots() {}

    /**
     * Reads a run's metrics and writes the charts into {@code out}.
     *
     * @param run the run folder
     * @param out the folder for the PNG files
     * @return the files written
     * @throws IOException when the metrics cannot be read or a chart cannot be written
     */
    static List<Path> write(Path run, Path out) throws IOException {
        Path metrics = run.resolve("metrics.jsonl");
        if (!Files.isRegularFile(metrics)) {
            throw new IOException(metrics + ": not found; is " + run + " a run folder?");
        }
        Map<String, Map<String, List<double[]>>> charts = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(metrics)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode rec;
            try {
                rec = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException(metrics + ":" + lineNo + ": not JSON: " + e.getMessage(), e);
            }
            if ("epoch".equals(rec.path("type").asText())) {
                double x = rec.path("epoch").asDouble();
                rec.path("test").fields().forEachRemaining(
                        e -> point(charts, "accuracy", e.getKey(), x,
                                100 * e.getValue().path("accuracy").asDouble()));
                rec.path("train_loss").fields().forEachRemaining(
                        e -> point(charts, "loss", e.getKey(), x, e.getValue().asDouble()));
                rec.path("conflict_share").fields().forEachRemaining(
                        e -> point(charts, "conflict-share", e.getKey(), x,
                                100 * e.getValue().asDouble()));
            } else if ("step".equals(rec.path("type").asText())) {
                double x = rec.path("step").asDouble();
                rec.path("groups").fields().forEachRemaining(e -> {
                    JsonNode g = e.getValue();
                    if (g.path("cosine").isNumber()) {
                        point(charts, "cosine", e.getKey(), x, g.path("cosine").asDouble());
                    }
                    JsonNode norms = g.path("norms");
                    for (int i = 0; i < norms.size(); i++) {
                        double v = norms.get(i).asDouble();
                        if (v > 0) {
                            point(charts, "gradient-norms",
                                    e.getKey() + (i == 0 ? " g_m" : " g_u" + (i > 1 ? i : "")),
                                    x, v);
                        }
                    }
                    if (g.path("scale").isNumber()) {
                        point(charts, "scale", e.getKey(), x, g.path("scale").asDouble());
                    }
                });
            }
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (var chart : charts.entrySet()) {
            String name = chart.getKey();
            boolean perStep = name.equals("cosine") || name.equals("gradient-norms")
                    || name.equals("scale");
            XYChart c = new XYChartBuilder()
                    .width(900).height(500)
                    .title(run.getFileName() + ": " + name)
                    .xAxisTitle(perStep ? "step" : "epoch")
                    .yAxisTitle(yTitle(name))
                    .build();
            c.getStyler().setYAxisLogarithmic(name.equals("gradient-norms"));
            c.getStyler().setMarkerSize(perStep ? 2 : 6);
            for (var s : chart.getValue().entrySet()) {
                double[] xs = s.getValue().stream().mapToDouble(p -> p[0]).toArray();
                double[] ys = s.getValue().stream().mapToDouble(p -> p[1]).toArray();
                XYSeries series = c.addSeries(s.getKey(), xs, ys);
                if (perStep) {
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    series.setMarker(SeriesMarkers.CIRCLE);
                }
            }
            Path file = out.resolve(name + ".png");
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
        }
        return written;
    }

    private static String yTitle(String name) {
        return switch (name) {
            case "accuracy" -> "test accuracy %";
            case "conflict-share" -> "steps with cos < 0, %";
            case "cosine" -> "cos(g_m, g_u)";
            case "gradient-norms" -> "norm";
            default -> name;
        };
    }

    private static void point(
            Map<String, Map<String, List<double[]>>> charts,
            String chart, String series, double x, double y) {
        charts.computeIfAbsent(chart, k -> new LinkedHashMap<>())
                .computeIfAbsent(series, k -> new ArrayList<>())
                .add(new double[] {x, y});
    }
}
