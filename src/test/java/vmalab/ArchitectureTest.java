package vmalab;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vmalab.model.mm.Mm;
import vmalab.model.mm.VmaIndex;
import vmalab.model.rbtree.RbNode;
import vmalab.model.rbtree.RbTree;
import vmalab.model.Kernel;
import vmalab.model.event.SimEvent;

/** The layers: model, io and cli know nothing of the UI toolkits; model knows nothing of io; no layer calls up. */
@AnalyzeClasses(packages = "vmalab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] UI = {"javafx..", "org.controlsfx..", "java.awt..", "javax.swing.."};

    @ArchTest
    static final ArchRule modelIsFreeOfUi = noClasses().that().resideInAPackage("vmalab.model..")
        .should().dependOnClassesThat().resideInAnyPackage(UI);

    @ArchTest
    static final ArchRule ioIsFreeOfUi = noClasses().that().resideInAPackage("vmalab.io..")
        .should().dependOnClassesThat().resideInAnyPackage(UI);

    @ArchTest
    static final ArchRule cliIsFreeOfUi = noClasses().that().resideInAPackage("vmalab.cli..")
        .should().dependOnClassesThat().resideInAnyPackage(UI);

    @ArchTest
    static final ArchRule modelIsFreeOfIo = noClasses().that().resideInAPackage("vmalab.model..")
        .should().dependOnClassesThat().resideInAPackage("vmalab.io..");

    @ArchTest
    static final ArchRule modelCallsNothingAbove = noClasses().that().resideInAPackage("vmalab.model..")
        .should().dependOnClassesThat().resideInAnyPackage("vmalab.cli..", "vmalab.viewmodel..", "vmalab.view..",
            "vmalab.app..");

    @ArchTest
    static final ArchRule cliUsesOnlyModelAndIo = noClasses().that().resideInAPackage("vmalab.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("vmalab.viewmodel..", "vmalab.view..", "vmalab.app..");

    @ArchTest
    static final ArchRule viewmodelIsBelowTheViews = noClasses().that().resideInAPackage("vmalab.viewmodel..")
        .should().dependOnClassesThat().resideInAnyPackage("vmalab.view..", "vmalab.app..", "vmalab.cli..");

    @ArchTest
    static final ArchRule viewsDoNotCallTheApp = noClasses().that().resideInAPackage("vmalab.view..")
        .should().dependOnClassesThat().resideInAnyPackage("vmalab.app..", "vmalab.cli..");

    /**
     * The VMA index is a seam: syscalls, the fault path, io and the views see {@code VmaIndex}, {@code VmaRef} and
     * {@code IndexNode}; only the red-black tree and its index implementation name the tree's own types.
     */
    @ArchTest
    static final ArchRule onlyTheIndexNamesTheTree = noClasses()
        .that().resideOutsideOfPackage("vmalab.model.rbtree..")
        .and().haveNameNotMatching("vmalab\\.model\\.mm\\.RbVmaIndex(\\$.*)?")
        .should().dependOnClassesThat().belongToAnyOf(RbNode.class, RbTree.class);

    /** The maple tree is written only by its package and its index (mm_mt): everyone else reads NodeInfo. */
    @ArchTest
    static final ArchRule onlyTheMapleIndexStores = noClasses()
        .that().resideOutsideOfPackage("vmalab.model.maple..")
        .and().haveNameNotMatching("vmalab\\.model\\.mm\\.MapleVmaIndex(\\$.*)?")
        .should().callMethod(vmalab.model.maple.MapleTree.class, "store", long.class, long.class, Object.class);

    /** The index changes only through Mm (link, unlink, adjust), which keeps the counters and events in step. */
    @ArchTest
    static final ArchRule onlyMmChangesTheIndex = noClasses()
        .that().doNotHaveFullyQualifiedName(Mm.class.getName())
        // an index's own default writes (split, grow, eraseRange) are made of its insert, replace and erase
        .and().areNotAssignableTo(VmaIndex.class)
        .should().callMethodWhere(target(owner(assignableTo(VmaIndex.class)))
            .and(target(nameMatching("insert|erase|replace|split|grow|eraseRange"))));
    /** Views paint the folded state (vmalab.viewmodel.fold); they never read the events themselves. */
    @ArchTest
    static final ArchRule viewsReadNoEvents = noClasses().that().resideInAPackage("vmalab.view..")
        .should().dependOnClassesThat().resideInAPackage("vmalab.model.event..")
        .orShould().dependOnClassesThat().areAssignableTo(SimEvent.class);

    /** Views and viewmodel see the kernel read-only: only the app applies operations. */
    @ArchTest
    static final ArchRule onlyTheAppAppliesOperations = noClasses().that()
        .resideInAnyPackage("vmalab.view..", "vmalab.viewmodel..")
        .should().dependOnClassesThat().resideInAPackage("vmalab.model.syscall..")
        .orShould().callMethodWhere(target(name("apply")).and(target(owner(assignableTo(Kernel.class)))));
}
