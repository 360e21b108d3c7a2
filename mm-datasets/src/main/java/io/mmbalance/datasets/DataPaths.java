package io.mmbalance.datasets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Helpers for the files a dataset names: confined paths, file patterns, natural order. */
final class DataPaths {

    /** Orders names as people do: digit runs compare by value, so frame_2 precedes frame_10. */
    static final Comparator<String> NATURAL = DataPaths::compareNatural;

    private DataPaths() {}

    /**
     * Resolves {@code relative} against {@code root} and returns it when it stays inside
     * {@code root} lexically (no absolute path, no {@code ..} that climbs out); otherwise
     * returns {@code null}.
     */
    static Path inside(Path root, String relative) {
        Path rel;
        try {
            rel = root.getFileSystem().getPath(relative);
        } catch (InvalidPathException e) {
            return null;
        }
        if (rel.isAbsolute() || rel.getRoot() != null) {
            return null;
        }
        Path resolved = root.resolve(rel).normalize();
        return resolved.startsWith(root) && !resolved.equals(root) ? resolved : null;
    }

    /** Replaces {@code {clip}} and {@code {label}} in a file pattern. */
    static String fill(String pattern, String clip, String label) {
        return pattern.replace("{clip}", clip).replace("{label}", label);
    }

    /** Lists the regular files of a folder whose names match a glob, in natural order. */
    static List<Path> list(Path folder, String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (matcher.matches(f.getFileName()) && Files.isRegularFile(f)) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString(), NATURAL));
        return out;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String da = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String db = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length())
                        : da.compareTo(db);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
