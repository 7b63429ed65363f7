package vmalab.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import vmalab.io.lesson.Lesson;

/**
 * The start page: a card per built-in lesson (its picture, title, summary, length and tags); one click opens
 * it. Free lab (or Esc) goes back to the lab. Shown over the window when the app opens without a file, and
 * from Lessons ▸ Lesson catalogue….
 */
final class StartPage extends BorderPane {
    static final String STYLE_CLASS = "start-page";
    static final String CARD_ID = "lesson-card-";
    static final double CARD_WIDTH = 380;
    static final double THUMB_WIDTH = CARD_WIDTH - 28;
    static final double THUMB_HEIGHT = 200;

    private final TilePane cards = new TilePane();
    /** Each card's picture box, in card order (a list: a record Lesson's hashCode would cost start-up time). */
    private final List<Thumb> thumbs = new java.util.ArrayList<>();
    private final Runnable onClose;

    StartPage(List<Lesson> lessons, Consumer<Lesson> onOpen, Runnable onFreeLab, Runnable onClose) {
        this.onClose = onClose;
        setId("start-page");
        getStyleClass().add(STYLE_CLASS);
        setTop(header(onFreeLab));
        cards.setId("lesson-cards");
        cards.getStyleClass().add("lesson-cards");
        cards.setPrefColumns(4);
        cards.setAlignment(Pos.TOP_CENTER);
        cards.setTileAlignment(Pos.TOP_LEFT);
        for (int i = 0; i < lessons.size(); i++) cards.getChildren().add(card(i + 1, lessons.get(i), onOpen));
        // the pictures are drawn once the page is on screen, so they never hold up its first frame
        FirstFrame.afterShown(this, () -> {
            if (!thumbsAsked) drawThumbnails();
        });
        ScrollPane scroll = new ScrollPane();
        scroll.setId("lesson-scroll");
        scroll.getStyleClass().add("lesson-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scrollInAfterFirstFrame(scroll);
        cards.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            int step = switch (e.getCode()) {
                case LEFT -> -1;
                case RIGHT -> 1;
                case UP -> -columns();
                case DOWN -> columns();
                default -> 0;
            };
            int at = cards.getChildren().indexOf(getScene() == null ? null : getScene().getFocusOwner());
            if (step == 0 || at < 0) return;
            e.consume();
            int to = Math.max(0, Math.min(cards.getChildren().size() - 1, at + step));
            cards.getChildren().get(to).requestFocus();
        });
        for (Node card : cards.getChildren()) {
            card.focusedProperty().addListener((o, a, f) -> {
                if (f) scrollTo(scroll, card);
            });
        }
        Label hint = new Label("Click a lesson to open it at its first step · Space steps · Esc: back to the lab · "
            + "Ctrl+L: this page again");
        hint.getStyleClass().add("start-hint");
        setBottom(hint);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                this.onClose.run();
            }
        });
    }

    /**
     * The cards go into {@code scroll} on the turn after the page's first frame: until then they sit in a
     * clipped box of the same place and width. A scroll pane's skin (its bars, their buttons and tracks) was a
     * fifth of the first frame's styling, for a bar that is only needed once someone scrolls.
     */
    private void scrollInAfterFirstFrame(ScrollPane scroll) {
        VBox plain = new VBox(cards);
        plain.getStyleClass().add("lesson-scroll");
        plain.setFillWidth(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(plain.widthProperty());
        clip.heightProperty().bind(plain.heightProperty());
        plain.setClip(clip);
        plain.setMinHeight(0);
        setCenter(plain);
        FirstFrame.afterShown(this, () -> {
            plain.getChildren().clear();
            scroll.setContent(cards);
            setCenter(scroll);
        });
    }

    /** Whether a start page covers the window of {@code scene} (so the lab's keys stay off). */
    static boolean isShowing(Scene scene) {
        if (scene == null || !(scene.getRoot() instanceof StackPane sp) || sp.getChildren().isEmpty()) return false;
        Node top = sp.getChildren().get(sp.getChildren().size() - 1);
        return top instanceof StartPage && top.isVisible();
    }

    private int columns() {
        double w = cards.getWidth() - cards.getPadding().getLeft() - cards.getPadding().getRight();
        return Math.max(1, (int) ((w + cards.getHgap()) / (CARD_WIDTH + cards.getHgap())));
    }

    /** Scrolls so the card the keyboard moved to is in sight. */
    private void scrollTo(ScrollPane scroll, Node card) {
        double content = cards.getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (content <= view) return;
        double top = card.getBoundsInParent().getMinY();
        double bottom = card.getBoundsInParent().getMaxY();
        double shown = scroll.getVvalue() * (content - view);
        if (top < shown) scroll.setVvalue(top / (content - view));
        else if (bottom > shown + view) scroll.setVvalue((bottom - view) / (content - view));
    }

    /** Focus on the first card, so the keyboard works at once. */
    void focusFirst() {
        if (!cards.getChildren().isEmpty()) cards.getChildren().get(0).requestFocus();
    }

    private HBox header(Runnable onFreeLab) {
        Label brand = new Label("vmalab");
        brand.getStyleClass().add("start-brand");
        Label subtitle = new Label("Lessons in Linux process memory: VMAs, page tables, faults, the buddy allocator");
        subtitle.getStyleClass().add("start-subtitle");
        subtitle.setWrapText(true);
        VBox words = new VBox(2, brand, subtitle);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button free = new Button("Free lab ▸");
        free.setId("start-free-lab");
        free.getStyleClass().addAll("start-free-lab", atlantafx.base.theme.Styles.ACCENT);
        free.setOnAction(e -> onFreeLab.run());
        free.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(24, words, free);
        bar.getStyleClass().add("start-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private boolean thumbsAsked;

    /**
     * Keeps the cards after the first {@code k} out of the page until the turn after its first frame (they are
     * below the fold of any window up to 1600×1000), so the first frame styles and lays out fewer cards. FX
     * thread only, before the page is on a scene.
     */
    void holdCardsAfter(int k) {
        if (cards.getChildren().size() <= k) return;
        List<Node> later = new java.util.ArrayList<>(cards.getChildren().subList(k, cards.getChildren().size()));
        cards.getChildren().remove(k, cards.getChildren().size());
        FirstFrame.afterShown(this, () -> cards.getChildren().addAll(later));
    }

    /** Asks for every card's picture (again, after a theme change: in the theme now on). */
    void drawThumbnails() {
        thumbsAsked = true;
        for (Thumb e : thumbs) {
            StackPane thumb = e.pane();
            Thumbnails.request(e.lesson(), img -> {
                ImageView iv = new ImageView(img);
                iv.setFitWidth(THUMB_WIDTH);
                iv.setFitHeight(THUMB_HEIGHT);
                iv.setPreserveRatio(true);
                iv.setSmooth(true);
                thumb.getChildren().setAll(iv);
            });
        }
    }

    private VBox card(int number, Lesson lesson, Consumer<Lesson> onOpen) {
        // the card's words are Text nodes, not Labels: a label is a control with a skin of its own, and the
        // first frame styles and lays out every card in it (eight Labels a card were half its cost)
        Text wait = text("drawing…", "lesson-thumb-wait");
        StackPane thumb = new StackPane(wait);
        thumbs.add(new Thumb(lesson, thumb));
        thumb.getStyleClass().add("lesson-thumb");
        thumb.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        thumb.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        thumb.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
        Text title = text(lesson.title(), "lesson-card-title");
        title.setId(CARD_ID + lesson.name() + "-title");
        title.setWrappingWidth(THUMB_WIDTH);
        Text summary = text(lesson.summary(), "lesson-card-summary");
        summary.setWrappingWidth(THUMB_WIDTH);
        summary.setVisible(!lesson.summary().isEmpty());
        summary.setManaged(!lesson.summary().isEmpty());
        Text steps = text(number + " · " + lesson.steps() + (lesson.steps() == 1 ? " step" : " steps"),
            "lesson-card-steps");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox foot = new HBox(8, steps, spacer);
        foot.setAlignment(Pos.CENTER_LEFT);
        for (String t : lesson.tags()) foot.getChildren().add(chip(t));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        // a card is a plain box (a Button sizes a wrapping graphic badly in a TilePane): click, Enter or Space
        VBox card = new VBox(10, thumb, title, summary, grow, foot);
        card.setId(CARD_ID + lesson.name());
        card.getStyleClass().add("lesson-card");
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxWidth(CARD_WIDTH);
        card.setFocusTraversable(true);
        card.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        card.setAccessibleText(lesson.title());
        card.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) onOpen.accept(lesson);
        });
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                e.consume();
                onOpen.accept(lesson);
            }
        });
        return card;
    }

    private record Thumb(Lesson lesson, StackPane pane) { }

    private static Text text(String words, String styleClass) {
        Text t = new Text(words);
        t.getStyleClass().add(styleClass);
        return t;
    }

    /** A tag as a rounded chip: a box with its words in it (a Region and a Text, no control). */
    private static StackPane chip(String tag) {
        Text words = text(switch (tag) {
            case "class" -> "for class";
            default -> tag;
        }, "tag-chip-text");
        StackPane chip = new StackPane(words);
        chip.getStyleClass().addAll("tag-chip", "tag-" + tag.replaceAll("[^A-Za-z0-9-]", ""));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }
}
