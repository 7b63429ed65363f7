package vmalab.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import javafx.geometry.Dimension2D;
import vmalab.io.AtomicFiles;
import vmalab.io.lesson.StepNotes;

/**
 * A lesson as a deck: one image per step, {@code DIR/step-001.png} … {@code step-NNN.png} (or .svg), the state
 * after that step with every event shown, and {@code DIR/notes.md} with each step's scenario line, the
 * lesson's {@code say} text and the narration. There is no step-000: a lesson starts with nothing on show.
 * Everything is written into a hidden folder next to DIR first and moved in at the end, so a failure leaves
 * DIR as it was. Old {@code step-NNN} images of the same format that this deck no longer has are removed.
 */
public final class Deck {
    public static final String NOTES = "notes.md";
    private static final Pattern STEP_FILE = Pattern.compile("step-\\d{3,}\\.(png|svg)");

    private Deck() {
    }

    /** {@code step-007.png}. */
    public static String fileName(int step, SlideFiles.Format format) {
        return String.format(java.util.Locale.ROOT, "step-%03d.%s", step, format.extension());
    }

    /** Why {@code dir} cannot take a deck, or null when it can (it is a folder, or can be made in one). */
    public static String unusable(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) return abs + " is not a folder";
            if (!Files.isWritable(abs)) return "cannot write to " + abs;
            return null;
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return "no such folder: " + parent;
        if (!Files.isWritable(parent)) return "cannot write to " + parent;
        return null;
    }

    /**
     * Writes the deck of {@code scene}'s lesson to {@code dir}; {@code progress} hears each step as it is
     * drawn. Leaves the scene at the last step. Returns the files written (images, then notes.md).
     */
    public static List<Path> write(LessonScene scene, SlideFiles.Format format, double scale, Dimension2D design,
                                   boolean caption, Path dir, IntConsumer progress) throws IOException {
        return write(scene, i -> scene, format, scale, design, caption, dir, progress);
    }

    /**
     * Writes the deck of {@code scene}'s lesson with step {@code i} drawn by {@code sceneAt.apply(i)}: a scene
     * of the same lesson in another view (the view the lesson's {@code view} lines choose there). The notes are
     * {@code scene}'s, which is left at the last step.
     */
    public static List<Path> write(LessonScene scene, IntFunction<LessonScene> sceneAt, SlideFiles.Format format,
                                   double scale, Dimension2D design, boolean caption, Path dir, IntConsumer progress)
        throws IOException {
        String why = unusable(dir);
        if (why != null) throw new IOException(why);
        try (Run run = new Run(scene, sceneAt, format, scale, design, caption, dir.toAbsolutePath())) {
            while (run.next()) if (progress != null) progress.accept(run.drawn());
            return run.commit();
        }
    }

    /** Starts a deck that is drawn a step per {@link Run#next()} call (the window draws one per pulse). */
    public static Run begin(LessonScene scene, SlideFiles.Format format, double scale, Dimension2D design,
                            boolean caption, Path dir) throws IOException {
        String why = unusable(dir);
        if (why != null) throw new IOException(why);
        return new Run(scene, i -> scene, format, scale, design, caption, dir.toAbsolutePath());
    }

    /**
     * A deck being drawn: the images go into a hidden staging folder beside DIR ({@code .vmalab-PID-DIR-….tmp}, removed at the next write when a killed export left it); {@link #commit()} writes the
     * notes and moves everything in; {@link #close()} without a commit (cancelled, failed) leaves DIR as it was.
     */
    public static final class Run implements AutoCloseable {
        private final LessonScene scene;
        private final IntFunction<LessonScene> sceneAt;
        private final SlideFiles.Format format;
        private final double scale;
        private final Dimension2D design;
        private final boolean caption;
        private final Path dir;
        private final Path staging;
        private final List<String> names = new ArrayList<>();
        private int drawn;

        private Run(LessonScene scene, IntFunction<LessonScene> sceneAt, SlideFiles.Format format, double scale,
                    Dimension2D design, boolean caption, Path dir) throws IOException {
            this.scene = scene;
            this.sceneAt = sceneAt;
            this.format = format;
            this.scale = scale;
            this.design = design;
            this.caption = caption;
            this.dir = dir;
            this.staging = AtomicFiles.stagingFolder(dir);
        }

        /** How many images the deck will have (one per step). */
        public int steps() { return scene.steps(); }

        /** How many are drawn so far. */
        public int drawn() { return drawn; }

        /** Draws the next step's image into the staging folder; false once every step is drawn. */
        public boolean next() throws IOException {
            if (drawn >= scene.steps()) return false;
            int i = drawn + 1;
            LessonScene s = sceneAt.apply(i);
            s.show(i);
            Slide slide = s.slide(caption, design);
            String big = SlideFiles.tooBig(slide, scale);
            if (big != null) throw new IllegalArgumentException(big);
            String name = fileName(i, format);
            Files.write(staging.resolve(name), SlideFiles.encode(slide, scale, format));
            names.add(name);
            drawn = i;
            return true;
        }

        /** Draws what is left, writes notes.md and moves the deck into DIR; returns the files (images, notes). */
        public List<Path> commit() throws IOException {
            while (next()) {
                // every step is drawn before anything moves
            }
            List<String> all = new ArrayList<>(names);
            // the notes read every step's narration: the lesson run to its end (another view drew the last steps)
            if (scene.timeline().position() != scene.steps()) scene.show(scene.steps());
            Files.writeString(staging.resolve(NOTES), notes(scene, names), StandardCharsets.UTF_8);
            all.add(NOTES);
            Files.createDirectories(dir);
            removeStale(dir, all, format);
            List<Path> written = new ArrayList<>();
            for (String name : all) {
                Path target = dir.resolve(name);
                move(staging.resolve(name), target);
                written.add(target);
            }
            return written;
        }

        /** Removes the staging folder (and whatever was not moved out of it). */
        @Override
        public void close() throws IOException {
            AtomicFiles.deleteTree(staging);
        }
    }

    /** The speaker notes: per step, its scenario line, what the lesson says and what the narrator tells. */
    static String notes(LessonScene scene, List<String> images) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scene.title()).append("\n\n");
        md.append(scene.steps()).append(" steps, one image each (`step-001` … after that step, every event shown).\n");
        for (int i = 1; i <= scene.steps(); i++) {
            md.append("\n## Step ").append(i).append(" of ").append(scene.steps()).append("\n\n");
            md.append("![step ").append(i).append("](").append(images.get(i - 1)).append(")\n\n");
            md.append("    ").append(scene.lineOf(i)).append("\n\n");
            StepNotes notes = scene.notesOf(i);
            if (!notes.sayText().isBlank()) md.append(notes.sayText()).append("\n\n");
            if (notes.ask() != null) md.append("**Ask:** ").append(askText(notes)).append("\n\n");
            List<String> told = scene.narrationOf(i);
            if (!told.isEmpty()) {
                md.append("Narration:\n\n");
                for (String t : told) md.append("- ").append(t.replace("\n", " ")).append('\n');
                md.append('\n');
            }
        }
        return md.toString().replaceAll("\n{3,}", "\n\n");
    }

    private static String askText(StepNotes notes) {
        var ask = notes.ask();
        return ask.choices().isEmpty() ? ask.question()
            : ask.question() + " (" + String.join(" / ", ask.choices()) + ")";
    }

    private static void removeStale(Path dir, List<String> keep, SlideFiles.Format format) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (STEP_FILE.matcher(n).matches() && n.endsWith("." + format.extension()) && !keep.contains(n)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
