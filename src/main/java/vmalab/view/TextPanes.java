package vmalab.view;

import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import vmalab.io.Pmap;
import vmalab.io.ProcMaps;
import vmalab.io.ScenarioRunner;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Task;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The text side of the lab: /proc/PID/maps and pmap of the selected process, /proc/buddyinfo, and the
 * strace-like log of every step so far. Read-only, monospaced, redrawn from the state after every step.
 */
public final class TextPanes extends Region {
    public static final String STYLE_CLASS = "texts-pane";
    public static final String TEXT_CLASS = "text-pane";

    private final Session session;
    private final Timeline timeline;
    private final TabPane tabs = new TabPane();
    private final TextArea maps = area("maps-text");
    private final TextArea pmap = area("pmap-text");
    private final TextArea buddyinfo = area("buddyinfo-text");
    private final TextArea strace = area("strace-text");
    private final Tab mapsTab = new Tab("maps", maps);
    private final Tab pmapTab = new Tab("pmap -x", pmap);

    public TextPanes(Session session, Timeline timeline) {
        this.session = session;
        this.timeline = timeline;
        createView();
        initListeners();
        refresh();
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(false);
        a.getStyleClass().add(TEXT_CLASS);
        return a;
    }

    private void createView() {
        setId("texts");
        tabs.getStyleClass().add(STYLE_CLASS);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        mapsTab.setId("tab-maps");
        pmapTab.setId("tab-pmap");
        Tab buddyTab = new Tab("buddyinfo", buddyinfo);
        buddyTab.setId("tab-buddyinfo");
        Tab straceTab = new Tab("strace", strace);
        straceTab.setId("tab-strace");
        tabs.getTabs().addAll(mapsTab, pmapTab, buddyTab, straceTab);
        getChildren().add(tabs);
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> refresh());
        session.selectedPidProperty().addListener((o, a, b) -> refresh());
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    protected void layoutChildren() {
        tabs.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computePrefWidth(double h) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double w) {
        return 600;
    }

    private void refresh() {
        Task t = session.selectedTask();
        Kernel k = session.kernel();
        String pid = t == null ? "PID" : Integer.toString(t.tgid());
        mapsTab.setText("/proc/" + pid + "/maps");
        pmapTab.setText("pmap -x " + pid);
        maps.setText(t == null || t.mm() == null ? "(no process)" : capLines(ProcMaps.format(t.mm())));
        pmap.setText(t == null || t.mm() == null ? "(no process)"
            : capLines(Pmap.format(Pmap.snapshot(t, Physical.counter(k)), Pmap.Mode.EXTENDED)));
        buddyinfo.setText(Physical.buddyinfo(k));
        setKeepingEnd(strace, straceLog(timeline.results(), timeline.entries()));
    }

    /** Lines shown at most in a pane (a TextArea lays out every line it holds). */
    static final int MAX_LINES = 2000;

    /** The text, its middle cut out when it has more than {@link #MAX_LINES} lines. */
    static String capLines(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        if (lines <= MAX_LINES) return text;
        String[] all = text.split("\n", -1);
        int head = MAX_LINES / 2;
        int tail = MAX_LINES / 2;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < head; i++) sb.append(all[i]).append('\n');
        sb.append("… ").append(lines - head - tail).append(" lines not shown …\n");
        for (int i = all.length - 1 - tail; i < all.length - 1; i++) sb.append(all[i]).append('\n');
        return sb.toString();
    }

    private static void setKeepingEnd(TextArea a, String text) {
        a.setText(text);
        a.positionCaret(text.length());
        a.setScrollTop(Double.MAX_VALUE);
    }

    /** Steps shown at most in the strace log: the latest ones. */
    static final int STRACE_STEPS = 400;

    /** Every step so far as strace would print its system calls, a comment naming each step. */
    static String straceLog(List<OpResult> results, List<Timeline.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        int from = Math.max(0, results.size() - STRACE_STEPS);
        if (from > 0) sb.append("# … ").append(from).append(" earlier steps not shown\n");
        for (int i = from; i < results.size(); i++) {
            OpResult r = results.get(i);
            sb.append("# ").append(i + 1).append(": ").append(entries.get(i).text()).append('\n');
            if (r.failed()) {
                sb.append("#   error: ").append(r.error()).append('\n');
                continue;
            }
            for (String line : ScenarioRunner.straceLines(r)) sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
