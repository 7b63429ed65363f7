package vmalab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import vmalab.io.session.SessionFormat;

/**
 * Saves the session as it goes: a second after the last change (a step, the selection, the tab, the split, the
 * zoom, the speed) the session is written to {@code autosave.vsession} in the state directory, through a
 * temporary file and a rename. A clean quit deletes it, so one found at start means the last run did not close
 * cleanly: {@link #leftBehind()} moves it aside as {@code crashed-TIME.vsession} (this run's autosave must not
 * write over it) and offers it until it is restored or discarded.
 *
 * <p>A run holds a lock on {@code autosave.lock} while it lives. A second window started meanwhile finds it taken
 * and saves to {@code autosave-PID.vsession} (locked the same way) instead; a start only takes over the autosaves
 * whose lock is free, so a live window's autosave is never mistaken for a crashed one.
 */
public final class Autosave {
    /** A system property naming the state directory, for tests and for a second profile. */
    public static final String DIR_PROPERTY = "vmalab.state.dir";
    /** The first live run's autosave; a crashed run's is kept as {@code crashed-TIME-NAME.vsession}. */
    public static final String FILE = AutosaveLock.MAIN + SessionFormat.EXTENSION;
    public static final String CRASHED_PREFIX = "crashed-";
    public static final Duration DELAY = Duration.seconds(1);
    /** While changes keep coming (Play), a save at least this often. */
    public static final Duration MAX_WAIT = Duration.seconds(5);
    private static final String EXT = SessionFormat.EXTENSION;

    /** A session a crashed run left, and when it was saved. */
    public record Offer(Path file, Instant saved) {
        /** The time of day it was saved, HH:MM in this machine's zone. */
        public String time() {
            return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(saved);
        }
    }

    private final Workbench wb;
    private final SessionStore store;
    private final Path dir;
    private final PauseTransition pause = new PauseTransition(DELAY);
    private boolean running;
    private boolean pending;
    private long pendingSince;
    private String lastError;
    private AutosaveLock lock;

    public Autosave(Workbench wb, SessionStore store, Path dir) {
        this.wb = wb;
        this.store = store;
        this.dir = dir;
        pause.setOnFinished(e -> flush());
    }

    /**
     * The state directory: {@code -Dvmalab.state.dir}, else {@code $XDG_STATE_HOME/vmalab}, else
     * {@code ~/.local/state/vmalab} (the XDG base directory default).
     */
    public static Path stateDir() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "vmalab");
        return Path.of(System.getProperty("user.home"), ".local", "state", "vmalab");
    }

    /** This run's autosave: {@code autosave.vsession}, or {@code autosave-PID.vsession} beside a live run. */
    public Path file() {
        return dir.resolve(slot() + EXT);
    }

    private String slot() {
        if (lock == null) lock = AutosaveLock.take(dir, "autosave-" + ProcessHandle.current().pid() + "-"
            + Integer.toHexString(System.identityHashCode(this)));
        return lock.name();
    }

    /**
     * Call once at start, before {@link #start()}: the newest session a run that did not close cleanly left
     * behind (or an offer left unanswered). An autosave whose run is gone is first moved to
     * {@code crashed-TIME.vsession}; older crashed sessions stay, offered at later starts.
     */
    public Optional<Offer> leftBehind() {
        slot();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                // called before this run saves anything: even a file of this run's name is the dead run's
                if (!name.startsWith("autosave") || !name.endsWith(EXT)) continue;
                String base = name.substring(0, name.length() - EXT.length());
                boolean main = base.equals(AutosaveLock.MAIN);
                // the main autosave is ours to take over when we hold its lock; another one when its lock is free
                if (main && !AutosaveLock.MAIN.equals(slot())) continue;
                AutosaveLock theirs = main ? null : AutosaveLock.tryTake(dir, base);
                if (!main && theirs == null) continue;
                Instant t = Files.getLastModifiedTime(f).toInstant();
                Path to = dir.resolve(CRASHED_PREFIX + STAMP.format(t) + "-" + base + EXT);
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
                if (theirs != null) theirs.releaseAndDelete();
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            wb.controller().say("Could not look at the last session in " + dir + ": " + e.getMessage(), true);
            return Optional.empty();
        }
        // a second window beside a live one leaves the offers to the first
        if (!AutosaveLock.MAIN.equals(slot())) return Optional.empty();
        try (var files = Files.list(dir)) {
            Path newest = null;
            Instant when = null;
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(CRASHED_PREFIX) || !name.endsWith(EXT)) continue;
                Instant t = Files.getLastModifiedTime(f).toInstant();
                if (when == null || t.isAfter(when)) {
                    newest = f;
                    when = t;
                }
            }
            return newest == null ? Optional.empty() : Optional.of(new Offer(newest, when));
        } catch (IOException e) {
            wb.controller().say("Could not look at the last session in " + dir + ": " + e.getMessage(), true);
            return Optional.empty();
        }
    }

    private static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    /** Restores an offered session; null when it is on show (the offer is used up), else why not. */
    public String restore(Offer o) {
        String err = store.open(o.file());
        if (err == null) {
            discard(o);
            String said = wb.controller().statusProperty().get();
            int note = said.indexOf(" — ");
            wb.controller().say("Restored the session from " + o.time() + (note < 0 ? "" : said.substring(note)),
                false);
        }
        return err;
    }

    /** Forgets an offered session. */
    public void discard(Offer o) {
        try {
            Files.deleteIfExists(o.file());
        } catch (IOException e) {
            wb.controller().say("Could not delete " + o.file() + ": " + e.getMessage(), true);
        }
    }

    /** Starts listening: every change is saved a {@link #DELAY} after the last one. */
    public void start() {
        if (running) return;
        running = true;
        var s = wb.session();
        MainWindow w = wb.window();
        for (Observable o : new Observable[] {s.versionProperty(), s.selectedPidProperty(),
                s.selectedVmaProperty(), s.selectedAddressProperty(), s.reduceMotionProperty(),
                w.views().getSelectionModel().selectedItemProperty(), w.layoutView().trueScaleProperty(),
                w.texts().tabs().getSelectionModel().selectedItemProperty(),
                wb.controller().director().speedProperty()}) {
            o.addListener(x -> changed());
        }
        for (SplitPane.Divider d : w.split().getDividers()) d.positionProperty().addListener(x -> changed());
        // the layout view keeps its zoom to itself: a scroll, a drag or a click on Fit may have moved it
        w.layoutView().addEventFilter(ScrollEvent.SCROLL, e -> changed());
        w.layoutView().addEventFilter(MouseEvent.MOUSE_RELEASED, e -> changed());
        changed();
    }

    /** Something changed: save a moment after the last change. */
    void changed() {
        if (!running) return;
        long now = System.nanoTime();
        if (!pending) pendingSince = now;
        pending = true;
        if (now - pendingSince > MAX_WAIT.toMillis() * 1_000_000L) flush();
        else pause.playFromStart();
    }

    /** Whether a change waits to be saved. */
    public boolean isPending() {
        return pending;
    }

    /** Saves now if a change waits; null when nothing failed. */
    public String flush() {
        pause.stop();
        if (!pending) return null;
        pending = false;
        return saveNow();
    }

    /** Writes the autosave now (temporary file, then rename); null when done, else why not. */
    public String saveNow() {
        String err;
        try {
            Files.createDirectories(dir);
            err = store.writeTo(file());
        } catch (IOException e) {
            err = "Could not save the session to " + dir + ": " + e.getMessage();
        }
        // one message per new problem, not one a second
        if (err != null && !err.equals(lastError)) wb.controller().say(err, true);
        lastError = err;
        return err;
    }

    /** A clean quit: stops saving and deletes the autosave (an offered crashed session stays offered). */
    public void stop() {
        running = false;
        pending = false;
        pause.stop();
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // quitting: nothing left to tell; the next start offers a stale session, which loses nothing
        }
        if (lock != null) {
            if (lock.name().equals(AutosaveLock.MAIN)) lock.release();
            else lock.releaseAndDelete();
        }
    }

    /** Lets the lock go without deleting anything: as a run that died would (for tests). */
    void release() {
        if (lock != null) lock.release();
    }
}
