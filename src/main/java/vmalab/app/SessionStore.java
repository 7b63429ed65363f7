package vmalab.app;

import vmalab.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import vmalab.io.Parsed;
import vmalab.io.ScenarioParser;
import vmalab.io.session.SessionData;
import vmalab.io.session.SessionFormat;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * A window's session taken as a {@link SessionData} and put back: the scenario as loaded plus the lines typed
 * since, the step, the tab, the split, the selection, the layout view's viewport, reduce motion, the speed and
 * the theme. Restoring goes through the controller like any load, so the timeline holds the same entries with
 * the same lesson notes as before.
 */
public final class SessionStore {
    /** The themes this build has, by the names sessions use. */
    public static final List<String> THEMES = java.util.Arrays.stream(vmalab.viewmodel.Theme.values())
        .map(vmalab.viewmodel.Theme::id).toList();

    private final Workbench wb;

    public SessionStore(Workbench wb) {
        this.wb = wb;
    }

    /** The theme on show. */
    public String theme() {
        vmalab.viewmodel.Theme t = wb.session().themeProperty().get();
        return t == null ? vmalab.viewmodel.Theme.LIGHT.id() : t.id();
    }

    /** What the window shows now. */
    public SessionData capture() {
        Controller c = wb.controller();
        Timeline t = wb.timeline();
        Session s = wb.session();
        List<SessionData.Typed> typed = new ArrayList<>();
        List<Timeline.Entry> entries = t.entries();
        for (int i = 0; i < entries.size(); i++) {
            // a step from the text has its line there; a typed or clicked one has line 0
            if (entries.get(i).line() == 0) typed.add(new SessionData.Typed(i, entries.get(i).text()));
        }
        List<Double> dividers = new ArrayList<>();
        for (double d : wb.window().split().getDividerPositions()) dividers.add(d);
        return new SessionData(t.fileName(), c.sourceText(), typed, t.position(), wb.window().selectedView(),
            selectedText(), dividers, s.selectedPidProperty().get(), s.selectedVmaProperty().get(),
            s.selectedAddressProperty().get(), wb.window().layoutView().viewport(), s.reduceMotionProperty().get(),
            c.director().speedProperty().get(), theme(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
            s.fontScale());
    }

    /** Writes the session to {@code file} (a temporary file, then a rename); null when done, else why not. */
    public String writeTo(Path file) {
        try {
            AtomicFiles.writeAtomically(file, SessionFormat.write(capture()).getBytes(StandardCharsets.UTF_8));
            return null;
        } catch (IOException e) {
            return "Could not save the session to " + file + ": " + e.getMessage();
        }
    }

    /** File ▸ Save session…: writes it and says so on the status line. */
    public String save(Path file) {
        String err = writeTo(file);
        wb.controller().say(err == null ? "Saved the session to " + file : err, err != null);
        return err;
    }

    /**
     * Reads a session file; the session, or {@code FILE:LINE: problem} (the file's own name and line). Changes
     * nothing.
     */
    public static Parsed<SessionData> read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Parsed<String> text = vmalab.io.Text.read(file, name);
        if (text.failed()) return Parsed.failed(text.error());
        return SessionFormat.read(text.value(), name);
    }

    /**
     * File ▸ Open session…: reads {@code file} and shows it. On a bad file the window stays as it was and the
     * status line says {@code FILE:LINE: problem}; that message is returned (null when it opened).
     */
    public String open(Path file) {
        Parsed<SessionData> p = read(file);
        if (p.failed()) {
            wb.controller().say(p.error(), true);
            return p.error();
        }
        String note = restore(p.value());
        wb.controller().say("Opened the session " + file + (note == null ? "" : " — " + note), false);
        return null;
    }

    /**
     * Shows a session read back. Returns a note on what could not be shown as saved (a view or a theme this
     * build does not have: the restore goes on without it), or null.
     */
    public String restore(SessionData d) {
        Controller c = wb.controller();
        Session s = wb.session();
        MainWindow w = wb.window();
        List<String> notes = new ArrayList<>();
        s.reduceMotionProperty().set(d.reduceMotion());
        setSpeed(d.speed());
        ScenarioParser.Result r = ScenarioParser.parse(d.text(), d.name());
        if (!r.ok()) throw new IllegalStateException("a session read back parses: " + r.error());
        // the scenario's steps with the typed lines in place, loaded once (the lesson header from the text)
        c.load(d.steps(), r.header(), d.text(), d.name());
        c.jumpTo(d.step());
        s.selectedPidProperty().set(d.pid());
        s.selectedVmaProperty().set(d.vma());
        s.selectedAddressProperty().set(d.address());
        if (MainWindow.isViewName(d.view())) w.selectView(d.view());
        else notes.add("no view \"" + d.view() + "\" here, showing " + w.selectedView());
        if (!selectText(d.texts())) notes.add("no text pane \"" + d.texts() + "\" here");
        if (!d.dividers().isEmpty()) {
            double[] div = new double[d.dividers().size()];
            for (int i = 0; i < div.length; i++) div[i] = d.dividers().get(i);
            w.restoreDividers(div);
        }
        w.layoutView().setViewport(d.layout());
        vmalab.viewmodel.Theme.byId(d.theme()).ifPresentOrElse(s.themeProperty()::set,
            () -> notes.add("theme \"" + d.theme() + "\" is not known here, showing " + theme()));
        s.fontScaleProperty().set(d.fontScale());
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** The text pane on show, by its tab's id without "tab-" ({@code maps}, {@code pmap} …). */
    private String selectedText() {
        Tab t = wb.window().texts().tabs().getSelectionModel().getSelectedItem();
        return t == null || t.getId() == null ? "maps" : t.getId().replaceFirst("^tab-", "");
    }

    /** Brings the text pane {@code name} to the front; false when there is none of that name. */
    private boolean selectText(String name) {
        for (Tab t : wb.window().texts().tabs().getTabs()) {
            if (("tab-" + name).equals(t.getId())) {
                wb.window().texts().tabs().getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** The speed through the toolbar's chooser, so it shows the speed it plays at. */
    @SuppressWarnings("unchecked")
    private void setSpeed(double speed) {
        Node n = wb.window().root().lookup("#speed");
        if (n instanceof ComboBox<?> box) ((ComboBox<Double>) box).setValue(speed);
        wb.controller().director().speedProperty().set(speed);
    }
}
