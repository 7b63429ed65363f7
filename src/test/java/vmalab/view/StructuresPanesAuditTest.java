package vmalab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vmalab.app.Workbench;
import vmalab.model.mm.Vma;
import vmalab.view.panes.LinePane;
import vmalab.view.paint.RecordingPen;
import vmalab.view.paint.TextAudit;

/** Structures and the maps/pmap panes at a projector's 1280×720, at 100 % and 250 %. */
@ExtendWith(ApplicationExtension.class)
class StructuresPanesAuditTest {
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = AuditFixture.show(stage);
    }

    private StructuresView structures() {
        return wb.window().structuresView();
    }

    private RecordingPen slide(FxRobot robot, Dimension2D[] size) {
        RecordingPen pen = new RecordingPen();
        robot.interact(() -> {
            size[0] = structures().slideSize();
            structures().paintSlide(pen, size[0].getWidth(), size[0].getHeight());
        });
        return pen;
    }

    @Test
    void lessonStatesReadAt1280x720AndAtTwoAndAHalf(FxRobot robot) {
        for (String lesson : List.of("fork-cow", "threads", "shared-libc")) {
            AuditFixture.load(robot, wb, AuditFixture.lesson(lesson));
            AuditFixture.tab(robot, wb, "Structures");
            for (double s : new double[] {1, 2.5}) {
                AuditFixture.scale(robot, wb, s);
                String what = lesson + " at " + s;
                TextAudit.assertNoEllipsis(what + " structures", structures());
                TextAudit.assertNoEllipsis(what + " text panes", wb.window().texts());
                Dimension2D[] d = new Dimension2D[1];
                RecordingPen pen = slide(robot, d);
                TextAudit.assertReadable(what + " slide", pen, d[0].getWidth(), d[0].getHeight());
                boolean pfn = false;
                for (RecordingPen.Mark m : pen.marks()) {
                    if (m.text().contains("pfn")) {
                        pfn = true;
                        assertTrue(m.text().matches(".*pfn\\s+0x[0-9a-f]+.*"), what + ": frame drawn as '" + m.text() + "'");
                    }
                }
                assertTrue(pfn, what + ": no pgd frame drawn");
            }
            AuditFixture.scale(robot, wb, 1);
        }
    }

    @Test
    void theSlideGrowsWithTheVmas(FxRobot robot) {
        AuditFixture.tab(robot, wb, "Structures");
        AuditFixture.load(robot, wb, AuditFixture.separateVmas(2));
        Dimension2D[] few = new Dimension2D[1];
        slide(robot, few);
        AuditFixture.load(robot, wb, AuditFixture.separateVmas(12));
        Dimension2D[] more = new Dimension2D[1];
        slide(robot, more);
        assertTrue(more[0].getHeight() > few[0].getHeight(), few[0] + " then " + more[0]);
    }

    @Test
    void mapsAndPmapJoinLinkedSelectionBothWaysWithoutChangingTheModel(FxRobot robot) {
        AuditFixture.load(robot, wb, AuditFixture.lesson("shared-libc"));
        AuditFixture.tab(robot, wb, "Structures");
        LinePane maps = wb.window().texts().mapsPane();
        LinePane pmap = wb.window().texts().pmapPane();
        String before = maps.text();
        long version = wb.session().versionProperty().get();
        List<Vma> vmas = wb.session().selectedMm().vmas();
        Vma pick = vmas.get(vmas.size() / 2);

        // a line selected in maps selects its VMA
        robot.interact(() -> {
            for (int i = 0; i < maps.getItems().size(); i++) {
                if (maps.getItems().get(i).startsWith(Long.toHexString(pick.start()) + "-")) {
                    maps.getSelectionModel().select(i);
                }
            }
        });
        AuditFixture.settle(robot, wb);
        assertEquals(pick.start(), wb.session().selectedVmaProperty().get());
        assertTrue(pmap.getSelectionModel().getSelectedItem() != null
            && pmap.getSelectionModel().getSelectedItem().contains(String.format("%016x", pick.start())
                .replaceFirst("^0{0,8}", "")), "pmap follows: " + pmap.getSelectionModel().getSelectedItem());
        assertNotNull(structures().selectedChip(), "the chip is selected in Structures");

        // a VMA selected elsewhere selects its lines
        Vma other = vmas.get(1);
        robot.interact(() -> wb.session().selectedVmaProperty().set(other.start()));
        AuditFixture.settle(robot, wb);
        assertTrue(maps.getSelectionModel().getSelectedItem().startsWith(Long.toHexString(other.start()) + "-"),
            "maps row: " + maps.getSelectionModel().getSelectedItem());

        // and the simulated process is the same
        assertEquals(before, maps.text());
        assertEquals(version, wb.session().versionProperty().get());
    }
}
