package vmalab.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import vmalab.view.BuddyView;
import vmalab.view.LayoutView;
import vmalab.view.MapleTreeView;
import vmalab.view.PageTableView;
import vmalab.view.StoryView;
import vmalab.view.StructuresView;
import vmalab.view.VmaTreeView;
import vmalab.viewmodel.Session;

/**
 * The window's views, one registry: the name {@code --view} and the export dialog use, the tab title, and how
 * to build the view. Tabs, the export dialog, {@code export --view} and the headless export all read it.
 * {@link #WINDOW} is the whole window (no tab of its own).
 */
public enum ViewKind {
    /** One step's story for a class: the default for lessons, the first tab. */
    STORY("story", "Story", StoryView::new),
    STRUCTURES("structures", "Structures", StructuresView::new),
    LAYOUT("layout", "Layout", LayoutView::new),
    TREE("tree", "VMA tree", VmaTreeView::new),
    /** The maple tree of Linux 6.1+ (mm_mt), for a process whose index it is. */
    MAPLE("maple", "Maple tree", MapleTreeView::new),
    PAGETABLE("pagetable", "Page tables", PageTableView::new),
    BUDDY("buddy", "Physical", BuddyView::new),
    WINDOW("window", "Whole window", null);

    private final String id;
    private final String title;
    private final Function<Session, Node> factory;

    ViewKind(String id, String title, Function<Session, Node> factory) {
        this.id = id;
        this.title = title;
        this.factory = factory;
    }

    public String id() { return id; }
    public String title() { return title; }

    /** Whether the view is a tab (everything but the whole window). */
    public boolean isTab() { return factory != null; }

    /** A new view on {@code session}; only for tabs. */
    public Node create(Session session) {
        if (factory == null) throw new IllegalStateException(id + " is not a view of its own");
        return factory.apply(session);
    }

    /** The kind named {@code id}, if there is one. */
    public static Optional<ViewKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The kind titled {@code title}, if there is one. */
    public static Optional<ViewKind> byTitle(String title) {
        return Arrays.stream(values()).filter(k -> k.title.equals(title)).findFirst();
    }

    /** Every id, comma-separated: {@code story, structures, layout, …, window}. */
    public static String ids() {
        return String.join(", ", new Ids());
    }

    /** The ids, for picocli's completion candidates and {@code ${COMPLETION-CANDIDATES}}. */
    public static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> ids = new ArrayList<>();
            for (ViewKind k : values()) ids.add(k.id);
            return ids.iterator();
        }
    }
}
