package io.mmbalance.datasets;

import io.mmbalance.api.data.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording of the Free Spoken Digit Dataset, named {@code {digit}_{speaker}_{index}.wav}.
 *
 * @param file the WAV file
 * @param digit the spoken digit, 0 to 9
 * @param speaker the speaker's name
 * @param index the take, from 0; takes 0 to {@value #LAST_TEST_INDEX} form the test split
 */
record FsddRecording(Path file, int digit, String speaker, int index) {

    /** The last take of the dataset's own test split; later takes are training data. */
    static final int LAST_TEST_INDEX = 4;

    static final String SPLIT_RULE = "file {digit}_{speaker}_{index}.wav: index 0-"
            + LAST_TEST_INDEX + " test, " + (LAST_TEST_INDEX + 1) + " and up train";

    private static final Logger LOG = LoggerFactory.getLogger(FsddRecording.class);

    private static final Pattern NAME =
            Pattern.compile("([0-9])_([A-Za-z0-9-]+)_([0-9]{1,6})\\.wav", Pattern.CASE_INSENSITIVE);

    /** The order of a split: by take, then speaker, then digit, so any prefix mixes them. */
    static final Comparator<FsddRecording> ORDER = Comparator.comparingInt(FsddRecording::index)
            .thenComparing(FsddRecording::speaker)
            .thenComparingInt(FsddRecording::digit);

    Split split() {
        return index <= LAST_TEST_INDEX ? Split.TEST : Split.TRAIN;
    }

    /**
     * Lists the recordings of one split in a folder, in {@link #ORDER}; WAV files whose names
     * do not follow the pattern are left out with a warning.
     */
    static List<FsddRecording> list(Path folder, Split split) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null,
                    "no such folder; expected the FSDD recordings ({digit}_{speaker}_{index}.wav)");
        }
        List<FsddRecording> out = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
                    continue;
                }
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    odd.add(name);
                    continue;
                }
                FsddRecording r = new FsddRecording(f, Integer.parseInt(m.group(1)), m.group(2),
                        Integer.parseInt(m.group(3)));
                if (r.split() == split) {
                    out.add(r);
                }
            }
        }
        if (!odd.isEmpty()) {
            LOG.warn("Skipped {} WAV file(s) in {} not named {digit}_{speaker}_{index}.wav,"
                    + " for example {}", odd.size(), folder, odd.get(0));
        }
        if (out.isEmpty()) {
            throw new NoSuchFileException(folder.toString(), null, "holds no FSDD recording of"
                    + " the " + split.id() + " split (" + SPLIT_RULE + ")");
        }
        out.sort(ORDER);
        return out;
    }
}
