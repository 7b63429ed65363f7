package vmalab.view;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import vmalab.io.Pmap;
import vmalab.io.ProcMaps;
import vmalab.io.ScenarioRunner;
import vmalab.io.TextLines;
import vmalab.model.Kernel;
import vmalab.model.OpResult;
import vmalab.model.mm.Mm;
import vmalab.model.mm.Task;
import vmalab.model.mm.Vma;
import vmalab.view.paint.TextFit;
import vmalab.view.panes.LineFit;
import vmalab.view.panes.LinePane;
import vmalab.viewmodel.Physical;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * The text side of the lab: /proc/PID/maps and pmap of the selected process, /proc/buddyinfo, and the
 * strace-like log of every step so far. Read-only, monospaced, redrawn from the state after every step; the
 * type follows the session's font scale. The maps and pmap panes take part in linked selection: a row selected
 * there selects its VMA everywhere ({@link Session#selectedVmaProperty()}), a VMA selected elsewhere selects and
 * reveals its row. Selecting never changes the model.
 */
public final class TextPanes extends Region {
    public static final String STYLE_CLASS = "texts-pane";
    public static final String TEXT_CLASS = "text-pane";

    private final Session session;
    private final Timeline timeline;
    private final TabPane tabs = new TabPane();
    /** The panes' type size at font scale 1, px; vmalab.css sizes them in em of it. */
    public static final double BASE_PX = 15;

    private final LinePane maps = new LinePane("maps-text", this::vmaStartOf);
    private final LinePane pmap = new LinePane("pmap-text", this::vmaStartOf);
    private final TextArea buddyinfo = area("buddyinfo-text");
    private final TextArea strace = area("strace-text");
    private final Tab mapsTab = new Tab("maps", maps);
    private final Tab pmapTab = new Tab("pmap -x", pmap);
    private final Tab buddyTab = new Tab("buddyinfo", buddyinfo);
    private final Tab straceTab = new Tab("strace", strace);
    /** Each tab's full title and its short form, for a pane too narrow for all four. */
    private final String[][] titles = new String[4][];

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
        buddyTab.setId("tab-buddyinfo");
        straceTab.setId("tab-strace");
        maps.getStyleClass().add(TEXT_CLASS);
        pmap.getStyleClass().add(TEXT_CLASS);
        maps.setOnSelect(this::select);
        pmap.setOnSelect(this::select);
        applyScale();
        tabs.getTabs().addAll(mapsTab, pmapTab, buddyTab, straceTab);
        getChildren().add(tabs);
    }

    private void initListeners() {
        session.versionProperty().addListener((o, a, b) -> refresh());
        // a publish that selects its process (Timeline.follow) changes the pid after the version: the task shown
        // is often the same one, already written (an import's 65,530 lines)
        session.selectedPidProperty().addListener((o, a, b) -> {
            if (session.selectedTask() != shownTask || session.kernel() != shownKernel
                || session.versionProperty().get() != shownVersion) refresh();
        });
        session.selectedVmaProperty().addListener((o, a, b) -> {
            maps.selectStart(b.longValue());
            pmap.selectStart(b.longValue());
        });
        session.fontScaleProperty().addListener((o, a, b) -> {
            applyScale();
            requestLayout();
        });
        widthProperty().addListener((o, a, b) -> requestLayout());
    }

    private void applyScale() {
        setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_PX * session.fontScale()));
    }

    /** A row chosen in the maps or pmap pane: its VMA becomes the selection (the shown process stays). */
    private void select(long start) {
        Task t = session.selectedTask();
        if (t != null && (session.selectedPidProperty().get() == null || session.selectedPidProperty().get() != t.pid())) {
            session.selectedPidProperty().set(t.pid());
        }
        session.selectedVmaProperty().set(start);
    }

    /** The start of the shown process's VMA a maps or pmap line is about, or -1 ([vsyscall], headers, totals). */
    private long vmaStartOf(String line) {
        long start = LineFit.startOf(line);
        Mm mm = session.selectedMm();
        if (start < 0 || mm == null) return -1;
        Vma v = mm.findVma(start);
        return v != null && v.start() == start ? start : -1;
    }

    public LinePane mapsPane() {
        return maps;
    }

    public LinePane pmapPane() {
        return pmap;
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    protected void layoutChildren() {
        fitTitles();
        tabs.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /**
     * The tab titles in full when all four fit the pane's width, else their short forms ("maps", "pmap",
     * "buddy", "strace"), the full title in each tab's tooltip.
     */
    private void fitTitles() {
        Tab[] all = {mapsTab, pmapTab, buddyTab, straceTab};
        if (titles[0] == null) return;
        Font f = Font.font(Font.getDefault().getFamily(), BASE_PX * session.fontScale());
        // each tab spends about 1.6 em on its padding and edges besides its title
        double pad = 1.6 * BASE_PX * session.fontScale();
        double full = 0;
        for (String[] t : titles) full += TextFit.width(t[0], f) * 1.1 + pad;
        boolean shortForms = getWidth() > 0 && full > getWidth() - pad;
        for (int i = 0; i < all.length; i++) {
            String want = shortForms ? titles[i][1] : titles[i][0];
            if (!want.equals(all[i].getText())) all[i].setText(want);
            if (shortForms) {
                if (all[i].getTooltip() == null) all[i].setTooltip(new Tooltip());
                all[i].getTooltip().setText(titles[i][0]);
            } else {
                all[i].setTooltip(null);
            }
        }
    }

    @Override
    protected double computePrefWidth(double h) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double w) {
        return 600;
    }

    /** What the panes show: the state of this kernel at this version, for this task. */
    private Kernel shownKernel;
    private Task shownTask;
    private long shownVersion = -1;

    private void refresh() {
        Task t = session.selectedTask();
        Kernel k = session.kernel();
        shownKernel = k;
        shownTask = t;
        shownVersion = session.versionProperty().get();
        String pid = t == null ? "PID" : Integer.toString(t.tgid());
        titles[0] = new String[] {"/proc/" + pid + "/maps", "maps"};
        titles[1] = new String[] {"pmap -x " + pid, "pmap"};
        titles[2] = new String[] {"buddyinfo", "buddy"};
        titles[3] = new String[] {"strace", "strace"};
        fitTitles();
        long sel = session.selectedVmaProperty().get();
        // only the lines shown are written: 2,000 of an imported process's 65,530
        maps.setText(t == null || t.mm() == null ? "(no process)"
            : capLines(ProcMaps.lines(ProcMaps.entries(t.mm()), t.mm().profile().addressDigits())), sel);
        pmap.setText(t == null || t.mm() == null ? "(no process)"
            : capLines(Pmap.lines(Pmap.snapshot(t, Physical.counter(k)), Pmap.Mode.EXTENDED)), sel);
        buddyinfo.setText(Physical.buddyinfo(k));
        setKeepingEnd(strace, straceLog(timeline.results(), timeline.entries()));
    }

    /** Lines shown at most in a pane (a TextArea lays out every line it holds). */
    static final int MAX_LINES = 2000;

    /** The text, its middle left out (and never written) when it has more than {@link #MAX_LINES} lines. */
    static String capLines(TextLines text) {
        int lines = text.count();
        if (lines <= MAX_LINES) return text.text();
        int head = MAX_LINES / 2;
        int tail = MAX_LINES / 2;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < head; i++) text.append(sb, i);
        sb.append("… ").append(lines - head - tail).append(" lines not shown …\n");
        for (int i = lines - tail; i < lines; i++) text.append(sb, i);
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
