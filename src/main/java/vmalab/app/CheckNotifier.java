package vmalab.app;

import java.util.ArrayList;
import java.util.List;
import org.controlsfx.control.NotificationPane;
import vmalab.io.lesson.Check;
import vmalab.io.lesson.Checks;
import vmalab.io.lesson.Verdict;
import vmalab.viewmodel.Session;
import vmalab.viewmodel.Timeline;

/**
 * A lesson's {@code expect} lines in the window: after each step the checks of the step on show are read from
 * the model, and a failure drops a notification over the views ({@code FILE:LINE: expected …, got …}). A
 * built-in lesson never fails one; a teacher's own lesson may.
 */
final class CheckNotifier {
    static final String STYLE_CLASS = "check-failure";

    private final Session session;
    private final Timeline timeline;
    private final NotificationPane pane;

    CheckNotifier(Controller controller, NotificationPane pane) {
        this.session = controller.session();
        this.timeline = controller.timeline();
        this.pane = pane;
        pane.setId("check-notification");
        pane.getStyleClass().add(STYLE_CLASS);
        pane.setShowFromTop(true);
        session.versionProperty().addListener((o, a, b) -> refresh());
    }

    /** The failures of the step on show, each {@code FILE:LINE: expected …, got …}; empty when all hold. */
    List<String> failures() {
        int p = timeline.position();
        List<String> out = new ArrayList<>();
        if (p == 0) return out;
        for (Check c : session.notesProperty().get().checks()) {
            Verdict v = Checks.check(timeline.kernel(), timeline.resultOf(p - 1), c, timeline.fileName());
            if (!v.passed()) out.add(v.message());
        }
        return out;
    }

    /**
     * What the views cannot show of a real process on the timeline: its present pages when pagemap could not be
     * read (another user's process, without root); null when there is nothing to say.
     */
    String importNotice() {
        for (Timeline.Entry e : timeline.entries()) {
            if (e.op() instanceof vmalab.model.op.Op.Import i && !i.process().pagesKnown()) {
                String why = i.process().pagesNote() == null ? "it was not read" : i.process().pagesNote();
                return "ⓘ " + i.process().comm() + ": its VMAs are real, but no page shows as present: pagemap could "
                    + "not be read (" + why + "). Open it as its owner or as root to see its present pages.";
            }
        }
        return null;
    }

    private void refresh() {
        List<String> failed = failures();
        if (failed.isEmpty()) {
            String notice = importNotice();
            if (notice != null) {
                pane.setText(notice);
                if (!pane.isShowing()) pane.show();
            } else if (pane.isShowing()) {
                pane.hide();
            }
            return;
        }
        String more = failed.size() > 1 ? "  (and " + (failed.size() - 1) + " more)" : "";
        pane.setText("✘ " + failed.get(0) + more);
        if (!pane.isShowing()) pane.show();
    }
}
