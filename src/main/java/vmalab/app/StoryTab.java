package vmalab.app;

import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;

/**
 * What the window does while the Story tab is showing: a step's stages wait for the teacher (Space), and the
 * text panes fold away so the story has the whole width (they come back, where they were, on another tab).
 */
final class StoryTab {
    private double divider = -1;

    private StoryTab() {
    }

    static void install(MainWindow window, Controller controller) {
        StoryTab s = new StoryTab();
        window.views().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> s.show(window, controller));
        // presenter mode takes the text panes out; when it gives them back, the Story tab folds them again
        window.setAfterPresenter(() -> s.show(window, controller));
        s.show(window, controller);
    }

    private void show(MainWindow window, Controller controller) {
        Tab sel = window.views().getSelectionModel().getSelectedItem();
        boolean story = sel != null && ("tab-" + ViewKind.STORY.id()).equals(sel.getId());
        controller.director().waitForTeacherProperty().set(story);
        SplitPane split = window.split();
        if (split == null || split.getDividers().isEmpty() || split.getItems().size() < 2) return;
        if (story && divider < 0) {
            divider = split.getDividerPositions()[0];
            window.widenViews(1);
        } else if (!story && divider >= 0) {
            window.widenViews(divider);
            divider = -1;
        }
    }
}
