package io.mmbalance.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmbalance.core.train.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A paper-style table over run folders: one row per (mode, integrator), the test accuracy of
 * every head and the conflict share of every encoder, as mean ± standard deviation over the runs
 * (seeds) of the row.
 */
public final class ResultTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    private final Set<String> heads = new LinkedHashSet<>();
    private final Set<String> groups = new LinkedHashSet<>();

    /**
     * Adds a finished run.
     *
     * @param run the run folder, holding {@code summary.json}
     * @throws IOException when the summary is missing or unreadable; the message names it
     */
    public void add(Path run) throws IOException {
        Path file = run.resolve(RunFolder.SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no summary; the run did not finish");
        }
        JsonNode summary = JSON.readTree(file.toFile());
        boolean multiTask = false;
        for (var names = summary.path("test").fieldNames(); names.hasNext(); ) {
            multiTask |= names.next().startsWith("task/");
        }
        String key =
                multiTask
                        ? summary.path("integrator").asText()
                        : summary.path("mode").asText() + " / " + summary.path("integrator").asText();
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(summary);
        summary.path("test").fieldNames().forEachRemaining(heads::add);
        summary.path("conflict_share").fieldNames().forEachRemaining(groups::add);
    }

    /**
     * Renders the table as Markdown, accuracies in percent.
     *
     * @return the Markdown table
     */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        boolean tasks = heads.stream().anyMatch(h -> h.startsWith("task/"));
        List<String> header =
                new ArrayList<>(List.of(tasks ? "integrator" : "mode / integrator", "runs", "epochs"));
        for (String h : heads) {
            header.add(h + " acc %");
        }
        if (tasks) {
            header.add("mean task acc %");
        }
        for (String g : groups) {
            header.add("conflict share " + g + " %");
        }
        header.add("s / epoch");
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append(" --- |".repeat(header.size())).append("\n");
        for (var e : rows.entrySet()) {
            List<JsonNode> runs = e.getValue();
            List<String> cells = new ArrayList<>();
            cells.add(e.getKey());
            cells.add(String.valueOf(runs.size()));
            cells.add(runs.get(0).path("epochs").asText());
            for (String h : heads) {
                cells.add(stat(runs, r -> r.path("test").path(h).path("accuracy"), 100));
            }
            if (tasks) {
                cells.add(stat(runs, ResultTable::meanTask, 100));
            }
            for (String g : groups) {
                cells.add(stat(runs, r -> r.path("conflict_share").path(g), 100));
            }
            cells.add(
                    stat(
                            runs,
                            r ->
                                    JSON.getNodeFactory()
                                            .numberNode(
                                                    r.path("train_seconds").asDouble()
                                                            / Math.max(1, r.path("epochs").asInt())),
                            1));
            sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return sb.toString();
    }

    private static JsonNode meanTask(JsonNode run) {
        double sum = 0;
        int n = 0;
        var names = run.path("test").fieldNames();
        while (names.hasNext()) {
            String h = names.next();
            if (h.startsWith("task/")) {
                sum += run.path("test").path(h).path("accuracy").asDouble();
                n++;
            }
        }
        return n == 0
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : JSON.getNodeFactory().numberNode(sum / n);
    }

    private static String stat(
            List<JsonNode> runs, java.util.function.Function<JsonNode, JsonNode> get, double f) {
        List<Double> values = new ArrayList<>();
        for (JsonNode r : runs) {
            JsonNode v = get.apply(r);
            if (v.isNumber()) {
                values.add(v.asDouble() * f);
            }
        }
        if (values.isEmpty()) {
            return "n/a";
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (values.size() == 1) {
            return String.format(Locale.ROOT, "%.2f", mean);
        }
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / (values.size() - 1));
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, std);
    }
}
